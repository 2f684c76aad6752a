-- Integration SLAs (issue 14): the SLA report and the continuous check read a flow's messages by read time over a
-- bounded range (a day, a month, a year), not by id over the whole history.
create index messages_by_received on hub.messages (flow_id, received_at);

-- run-by reads a flow's successful runs of a few days, once a minute; flow_runs keeps every run the flow ever had.
-- Backfills are not the day's run (an officer re-reading history does not make the scheduled sync on time).
create index flow_runs_succeeded_by_end on hub.flow_runs (flow_id, ended_at) where status = 'succeeded' and trigger not like 'backfill:%';
