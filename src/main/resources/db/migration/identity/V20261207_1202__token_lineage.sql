-- A personal access token used to mint another one is its parent: the child may not outlive it, and
-- revoking the parent revokes what it minted (and so on down).
alter table identity.access_token
    add column minted_by bigint references identity.access_token (id) on delete cascade;

create index access_token_minted_by_idx on identity.access_token (minted_by) where minted_by is not null;
