-- The evidence log (issue 15): every line of hub.message_log is linked into a hash chain by a background sequencer, and
-- the chains' heads are signed at intervals and at each local day's end. README "Evidence log" has the format.
--
-- Writers never touch a chain: a statement trigger copies each new log line's id into hub.evidence_queue in the
-- writer's own transaction (so a line and its queue entry commit together, whatever order transactions commit in; a
-- sequencer reading "ids above the last one linked" would miss a line committed late with a lower id). The sequencer
-- takes the queue in id order, appends each line to its chain and deletes the entry (as Trillian integrates queued leaves).

-- Facts a log line carries beyond its text: the checkpoint a pulled record was saved with, the counterparty's reference.
alter table hub.message_log add column facts jsonb;

create table hub.evidence_queue (
    log_id bigint primary key,
    message_id bigint not null
);

create function hub.queue_evidence() returns trigger language plpgsql as $$
begin
    insert into hub.evidence_queue (log_id, message_id) select id, message_id from new_lines;
    return null;
end $$;

create trigger evidence_queued after insert on hub.message_log referencing new table as new_lines
    for each statement execute function hub.queue_evidence();

-- Each chain's last link: seq 0 and 32 zero bytes before its first.
create table hub.evidence_chains (
    chain int primary key,
    seq bigint not null,
    head bytea not null,
    updated_at timestamptz not null
);

-- hash = SHA-256(previous hash || canonical event of the log line). message_id lets retention (issue 15 item 6) and
-- exports find a message's links without the log.
create table hub.evidence_links (
    chain int not null,
    seq bigint not null,
    log_id bigint not null unique,
    message_id bigint not null,
    hash bytea not null,
    linked_at timestamptz not null,
    primary key (chain, seq)
);
create index evidence_links_by_message on hub.evidence_links (message_id);

-- Signed heads: the statement (canonical JSON of every chain's seq and head and their Merkle root) and its ECDSA P-256
-- signature (DER) under key_id. Kept when history is dropped: they are what archived days are verified against.
create table hub.evidence_heads (
    id bigserial primary key,
    kind text not null check (kind in ('interval', 'day')),
    day date,
    signed_at timestamptz not null,
    root bytea not null,
    key_id text not null,
    statement text not null,
    signature bytea not null
);
create unique index evidence_heads_one_per_day on hub.evidence_heads (day) where kind = 'day';

-- Public keys heads were signed with (PEM), so a bundle can carry them. Verification trusts only the configured keys.
create table hub.evidence_keys (
    key_id text primary key,
    public_key text not null,
    first_used_at timestamptz not null
);

-- Where the periodic verification goes on next (it re-checks the chains and heads a slice at a time, round and round).
create table hub.evidence_checks (
    chain int primary key,
    checked_seq bigint not null
);
create table hub.evidence_head_checks (
    singleton boolean primary key default true check (singleton),
    checked_id bigint not null
);
