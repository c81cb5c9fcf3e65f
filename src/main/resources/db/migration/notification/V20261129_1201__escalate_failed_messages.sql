-- A member no channel could reach has not answered either: the escalation job also takes FAILED messages
-- (straight to the commander), so its queue index covers them.
drop index notification.message_awaiting_idx;
create index message_awaiting_idx on notification.message (correlation_id)
    where expects_reply and status in ('SENT', 'DELIVERED', 'FAILED') and escalation_level < 2;
