-- The days the daily readiness job has run: the node that takes the advisory lock first records the day and runs;
-- a node whose scheduler fires after that run has finished (the lock then free again) finds the day taken and skips.
create table readiness.daily_run (
    day    date primary key,
    ran_at timestamptz not null default now()
);
