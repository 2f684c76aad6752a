-- Contract v2. A destination may answer that a message needs no write: its delivery ends 'skipped' (neither retried
-- nor a dead letter). A delivered message keeps the counterparty's reference (a tracking number, a receipt id). A run
-- counts the records its flow's filter passed over (they are not messages).
alter table hub.deliveries drop constraint deliveries_status_check;
alter table hub.deliveries add constraint deliveries_status_check
    check (status in ('pending', 'waiting', 'delivered', 'skipped', 'dead', 'discarded')) not valid;
alter table hub.deliveries validate constraint deliveries_status_check;
alter table hub.deliveries add column reference text;
alter table hub.flow_runs add column records_filtered bigint not null default 0;
