-- When the candidate index was last built in full. A start rebuilds the index only when it was never built, not
-- when it is empty: a register whose members have no home coordinates has an empty index, and rebuilding it at
-- every start read the whole register for nothing (two minutes at 1,000,000 members).
create table emergency.candidate_build (
    id       int primary key check (id = 1),
    built_at timestamptz not null,
    members  bigint not null
);
-- an index filled before this table existed counts as built
insert into emergency.candidate_build (id, built_at, members)
select 1, now(), count(*) from emergency.candidate having count(*) > 0;
