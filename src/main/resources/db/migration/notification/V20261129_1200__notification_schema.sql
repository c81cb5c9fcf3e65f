-- Notification: the outbox of messages to members, every send attempt, every delivery receipt and the
-- replies. Workers on any node claim due rows with FOR UPDATE SKIP LOCKED and hold them under a lease.
create schema if not exists notification;

create table notification.message (
    id                   bigint generated always as identity primary key,
    idempotency_key      text not null unique check (length(idempotency_key) between 1 and 200),
    correlation_id       text not null check (length(correlation_id) between 1 and 200),
    member_id            bigint not null,
    member_name          text,
    org_path             text not null,
    unit_id              bigint,
    language             text not null check (language in ('kk', 'ru', 'en')),
    template_key         text not null,
    subject              text not null,
    body                 text not null,
    email                text,
    phone                text,
    channels             text[] not null check (cardinality(channels) between 1 and 3),
    channel_index        integer not null default 0,
    expects_reply        boolean not null default false,
    reply_within_seconds bigint,
    status               text not null default 'PENDING'
                         check (status in ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'FAILED')),
    attempts             integer not null default 0,
    next_attempt_at      timestamptz not null,
    lease_owner          text,
    lease_until          timestamptz,
    sent_at              timestamptz,
    delivered_at         timestamptz,
    last_error           text,
    escalation_level     integer not null default 0,
    escalated_at         timestamptz,
    created_at           timestamptz not null
);
-- the workers' queue: only rows that still need sending
create index message_due_idx on notification.message (next_attempt_at) where status in ('PENDING', 'SENDING');
create index message_correlation_idx on notification.message (correlation_id, id);
-- the escalation job's queue: sent, waiting for a reply
create index message_awaiting_idx on notification.message (correlation_id)
    where expects_reply and status in ('SENT', 'DELIVERED') and escalation_level < 2;

create table notification.attempt (
    id          bigint generated always as identity primary key,
    message_id  bigint not null references notification.message (id),
    attempt_no  integer not null,
    channel     text not null,
    worker      text not null,
    outcome     text not null check (outcome in ('SENT', 'FAILED', 'SKIPPED')),
    detail      text,
    at          timestamptz not null
);
create index attempt_message_idx on notification.attempt (message_id);

create table notification.receipt (
    id          bigint generated always as identity primary key,
    message_id  bigint not null references notification.message (id),
    channel     text not null,
    external_id text,
    status      text not null,
    at          timestamptz not null
);
create index receipt_message_idx on notification.receipt (message_id);
create unique index receipt_external_idx on notification.receipt (channel, external_id, status) where external_id is not null;

create table notification.reply (
    message_id     bigint primary key references notification.message (id),
    correlation_id text not null,
    member_id      bigint not null,
    answer         text not null check (answer in ('ACCEPT', 'DECLINE', 'UNABLE')),
    reason         text check (length(reason) <= 500),
    via            text not null,
    at             timestamptz not null
);
create index reply_correlation_idx on notification.reply (correlation_id);

-- The key that signs reply links; made once here so that every node signs and checks alike.
create table notification.signing_key (
    id   integer primary key check (id = 1),
    key  text not null
);
insert into notification.signing_key (id, key)
values (1, replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
