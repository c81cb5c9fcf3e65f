-- A CAP alert whose area lies entirely outside Kazakhstan is stored (so that a repeat is known) but not acted upon.
alter table emergency.cap_message drop constraint cap_message_outcome_check;
alter table emergency.cap_message add constraint cap_message_outcome_check
    check (outcome in ('DECLARED', 'UPDATED', 'CANCELLED', 'RECORDED', 'NOT_ACTED_UPON'));
