-- Flows' runs, checkpoints, durable messages and their deliveries, and the message log.
create table hub.flow_runs (
    id bigserial primary key,
    flow_id text not null,
    job_id text,
    trigger text not null,
    status text not null,
    started_at timestamptz not null,
    ended_at timestamptz,
    records_read bigint not null default 0,
    messages_created bigint not null default 0,
    error text
);
create index flow_runs_by_flow on hub.flow_runs (flow_id, id desc);

create table hub.checkpoints (
    flow_id text primary key,
    state text not null,
    run_id bigint,
    updated_at timestamptz not null
);

-- The last version seen per record key: a re-read of an unchanged record (a resumed run, a full catalogue
-- pass) is not a new message.
create table hub.record_versions (
    flow_id text not null,
    record_key text not null,
    version text not null,
    primary key (flow_id, record_key)
);

create table hub.messages (
    id bigserial primary key,
    flow_id text not null,
    record_key text not null,
    business_key text not null,
    version text not null,
    payload jsonb not null,
    received_at timestamptz not null,
    run_id bigint
);
create index messages_by_flow on hub.messages (flow_id, id);
create index messages_by_business_key on hub.messages (business_key);

-- flow_id and record_key repeat the message's, so that claiming due deliveries (and keeping each record's
-- messages in order) reads this table's partial indexes alone, however long the delivered history grows.
-- Per destination and record at most one delivery is 'pending'; newer ones are 'waiting' behind it and are
-- promoted, oldest first, when it is done. So the claim is a plain ordered scan whatever the planner's statistics.
create table hub.deliveries (
    message_id bigint not null references hub.messages (id),
    destination text not null,
    flow_id text not null,
    record_key text not null,
    status text not null check (status in ('pending', 'waiting', 'delivered', 'dead', 'discarded')),
    attempts int not null default 0,
    next_attempt_at timestamptz,
    last_error_code text,
    last_error text,
    updated_at timestamptz not null,
    primary key (message_id, destination)
);
create index deliveries_pending on hub.deliveries (destination, flow_id, message_id) where status = 'pending';
create index deliveries_open_by_record on hub.deliveries (destination, flow_id, record_key, message_id) where status in ('pending', 'waiting', 'dead');
create index deliveries_dead on hub.deliveries (flow_id, updated_at) where status = 'dead';

-- Bulk runs add rows fast: keep planner statistics close behind.
alter table hub.messages set (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
alter table hub.deliveries set (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);

-- Replays and discards: who asked, why, for which selection. Message-log lines point at the action.
create table hub.operator_actions (
    id bigserial primary key,
    action text not null check (action in ('replay', 'discard')),
    operator text not null,
    reason text not null,
    selection jsonb not null,
    message_count int not null,
    at timestamptz not null
);

create table hub.message_log (
    id bigserial primary key,
    message_id bigint not null,
    destination text,
    event text not null,
    detail text,
    duration_ms int,
    action_id bigint references hub.operator_actions (id),
    at timestamptz not null
);
create index message_log_by_message on hub.message_log (message_id, id);
