-- Integration SLAs (issue 14): the SLA report and the continuous check read a flow's messages by read time over a
-- bounded range (a day, a month, a year), not by id over the whole history.
create index messages_by_received on hub.messages (flow_id, received_at);
