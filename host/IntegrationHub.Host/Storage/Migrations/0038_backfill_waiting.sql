-- A backfill a maintenance window of its source stopped, or kept from starting, waits for the window's end as
-- 'waiting' (issue 14, item 3) and then reads on from its position: it is still the flow's one backfill.
drop index hub.flow_runs_one_backfill;
create unique index flow_runs_one_backfill on hub.flow_runs (flow_id)
    where trigger like 'backfill:%' and status in ('queued', 'running', 'waiting');
