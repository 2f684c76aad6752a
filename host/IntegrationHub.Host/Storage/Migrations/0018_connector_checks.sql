-- The latest connectivity check of each connector (periodic, or asked for by an officer), shared by every hub process:
-- what the connectors page and /health/connectivity show.
create table hub.connector_checks (
    connector_id text primary key,
    checked_at timestamptz not null,
    succeeded boolean not null,
    failure_kind text,
    failure_code text,
    problems text[] not null,
    duration_ms integer not null,
    trigger text not null,
    checked_by text,
    last_success_at timestamptz,
    failing_since timestamptz
);
