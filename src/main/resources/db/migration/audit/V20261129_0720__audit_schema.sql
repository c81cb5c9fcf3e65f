-- Audit trail: append-only events chained by SHA-256 hashes. The application computes the hashes
-- (kz.qalqan.audit.internal.AuditHash) so that `audit verify` recomputes them the same way.
create schema if not exists audit;

create table audit.event (
    seq            bigint primary key,
    at             timestamptz not null,
    actor          text not null,
    role           text,
    action         text not null,
    entity_type    text not null,
    entity_id      text,
    org_path       text,
    client_address text,
    reason         text,
    details        text,
    prev_hash      text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
    hash           text not null check (hash ~ '^[0-9a-f]{64}$')
);

create index event_actor_idx on audit.event (actor, seq);
create index event_entity_idx on audit.event (entity_type, entity_id, seq);
create index event_action_idx on audit.event (action, seq);
create index event_at_idx on audit.event using brin (at);

-- The end of the chain. Appending locks this one row until the appending transaction ends, so seq and
-- prev_hash form a single chain however many transactions append at once.
create table audit.head (
    id   int primary key check (id = 1),
    seq  bigint not null,
    hash text not null
);
insert into audit.head (id, seq, hash) values (1, 0, repeat('0', 64));

-- A superuser or the table owner can still disable these triggers; the hash chain is what detects that.
create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on %.% refused', tg_op, tg_table_schema, tg_table_name
        using errcode = 'restrict_violation';
end
$$;

create trigger event_append_only before update or delete on audit.event
    for each row execute function audit.refuse_change();
create trigger event_no_truncate before truncate on audit.event
    for each statement execute function audit.refuse_change();
create trigger head_kept before delete on audit.head
    for each row execute function audit.refuse_change();
create trigger head_no_truncate before truncate on audit.head
    for each statement execute function audit.refuse_change();
