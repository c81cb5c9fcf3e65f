-- Audit without one hot row: the trail becomes 16 hash chains ("stripes"). A transaction appends to the first
-- stripe nobody else holds (FOR UPDATE SKIP LOCKED), so concurrent audited requests no longer queue on one
-- row. Each stripe is gap-free and linked by prev_hash as the single chain was; the global seq now comes from
-- a sequence (it orders and pages the trail; it may have gaps where a transaction rolled back). The existing
-- chain becomes stripe 1 unchanged: its hashes stay valid, since stripe and position are not hashed (moving a
-- row within or between stripes breaks its prev_hash link instead). Checkpoints bind all stripe heads at a
-- moment in one chain of their own, so that a stripe cut short behind a checkpoint is found too.
alter table audit.event disable trigger event_append_only;
alter table audit.event add column stripe smallint, add column stripe_seq bigint;
update audit.event set stripe = 1, stripe_seq = seq;
alter table audit.event alter column stripe set not null, alter column stripe_seq set not null;
alter table audit.event enable trigger event_append_only;
create unique index event_stripe_idx on audit.event (stripe, stripe_seq);

create sequence audit.event_seq;
select setval('audit.event_seq', greatest((select coalesce(max(seq), 0) from audit.event),
                                           (select seq from audit.head where id = 1)) + 1, false);

alter table audit.head drop constraint head_id_check;
alter table audit.head add constraint head_stripe_check check (id between 1 and 64);
insert into audit.head (id, seq, hash) select s, 0, repeat('0', 64) from generate_series(2, 16) s;

create table audit.checkpoint (
    id        bigint primary key,
    at        timestamptz not null,
    heads     text not null check (heads ~ '^([0-9]+:[0-9]+:[0-9a-f]{64})(;[0-9]+:[0-9]+:[0-9a-f]{64})*$'),
    prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
    hash      text not null check (hash ~ '^[0-9a-f]{64}$')
);

create trigger checkpoint_append_only before update or delete on audit.checkpoint
    for each row execute function audit.refuse_change();
create trigger checkpoint_no_truncate before truncate on audit.checkpoint
    for each statement execute function audit.refuse_change();
