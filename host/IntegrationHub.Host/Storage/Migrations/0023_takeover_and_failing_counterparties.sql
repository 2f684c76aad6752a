-- Takeover (issue 13, item 6): every host looks every few seconds for runs left 'running' by a host that died, so
-- that look must touch only the few running rows; and a dead host's Hangfire job, fetched again much later, asks
-- whether its run was abandoned (and so taken over) by its job id.
create index flow_runs_running on hub.flow_runs (id) where status = 'running';
create index flow_runs_abandoned_by_job on hub.flow_runs (job_id) where status = 'abandoned';

-- Each counterparty's calls as the whole cluster saw them: since when every call has failed (null while calls
-- succeed), so a counterparty that fails every call is reported however few calls there are. Each host adds what it
-- saw every few seconds; a success anywhere ends the episode.
create table hub.counterparty_health (
    connector_id text primary key,
    last_success_at timestamptz,
    failing_since timestamptz,
    last_failure_at timestamptz,
    failures_since bigint not null default 0,
    last_failure_kind text
);
