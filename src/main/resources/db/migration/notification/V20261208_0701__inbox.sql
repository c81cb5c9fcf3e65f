-- The in-app channel: each message that reached a member's inbox in Qalqan, and when the member read it.
create table notification.inbox_item (
    message_id bigint primary key references notification.message (id),
    member_id  bigint not null,
    reply_path text check (length(reply_path) <= 500),
    created_at timestamptz not null,
    read_at    timestamptz
);
create index inbox_item_member_idx on notification.inbox_item (member_id, created_at desc);
create index inbox_item_unread_idx on notification.inbox_item (member_id) where read_at is null;

-- a notice may now name all four channels
alter table notification.message drop constraint message_channels_check;
alter table notification.message add constraint message_channels_check check (cardinality(channels) between 1 and 4);
