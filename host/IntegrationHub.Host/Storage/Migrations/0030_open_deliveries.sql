-- Open deliveries kept apart from delivered history (issue 13, item 3): the claim of due deliveries, "anything due?",
-- the sweeps' due pairs and the promotion of a record's next message read hub.open_deliveries, a plain table holding
-- only the deliveries still open (pending, waiting, dead letters not yet replayed or discarded), instead of the
-- partial indexes of every monthly partition of hub.deliveries (migration 0019). Those could not be pruned (open
-- deliveries are found by state, not id), so each claim walked one index per month of history; this table's size is
-- the work still to do, whatever the history's age or size.
--
-- Kept like the counters of 0014: statement-level triggers with transition tables on hub.deliveries, in the writing
-- transaction, so every path that writes deliveries (appends, the router, deliveries, replays, discards, retention,
-- an operator's psql) keeps it, and no writer can forget to. A row is written only after its delivery row is (same
-- statement), so the delivery's row lock orders writers of one key and no two wait for each other in a circle.
-- Retention drops a month only when none of its deliveries is open (HistoryPartitionStore), so a drop, which fires no
-- trigger, never leaves a row here without its delivery.
create table hub.open_deliveries (
    message_id bigint not null,
    destination text not null,
    flow_id text not null,
    record_key text not null,
    status text not null,
    attempts int not null,
    next_attempt_at timestamptz,
    -- For the dead-letters page's filters (error code, dead since), without reading history.
    last_error_code text,
    updated_at timestamptz not null,
    primary key (message_id, destination)
);
-- Rows come and go with every delivery: vacuumed often, so the table stays the size of the open work.
alter table hub.open_deliveries set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
-- The claim: fresh deliveries (no attempt time) in message order, and retries by the time they are due, so deliveries
-- waiting for a later retry are never walked. Each index gives its half of the claim in the order it is read, so the
-- claim's generic plan reads no more than the batch whatever the values (with one index for both, a generic plan
-- preferred walking the primary key in message order through every open delivery).
create index open_deliveries_fresh on hub.open_deliveries (destination, flow_id, message_id) where status = 'pending' and next_attempt_at is null;
create index open_deliveries_retry on hub.open_deliveries (destination, flow_id, next_attempt_at, message_id) where status = 'pending' and next_attempt_at is not null;
-- A record's open messages: the next in line, holding behind a dead letter, the waiting behind a dead letter.
create index open_deliveries_by_record on hub.open_deliveries (destination, flow_id, record_key, message_id);
-- The dead-letters page, paged by message id.
create index open_deliveries_dead on hub.open_deliveries (message_id, destination) where status = 'dead';

create function hub.keep_open_deliveries() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from hub.open_deliveries o
        where (o.message_id, o.destination) in (
            select message_id, destination from changed_new where status not in ('pending', 'waiting', 'dead'));
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into hub.open_deliveries as o (message_id, destination, flow_id, record_key, status, attempts, next_attempt_at, last_error_code, updated_at)
        select message_id, destination, flow_id, record_key, status, attempts, next_attempt_at, last_error_code, updated_at
        from changed_new where status in ('pending', 'waiting', 'dead') order by message_id, destination
        on conflict (message_id, destination) do update set
            flow_id = excluded.flow_id, record_key = excluded.record_key, status = excluded.status, attempts = excluded.attempts,
            next_attempt_at = excluded.next_attempt_at, last_error_code = excluded.last_error_code, updated_at = excluded.updated_at;
    elsif tg_op = 'DELETE' then
        -- Only open rows are here: retention's deletes of finished months cost nothing more.
        delete from hub.open_deliveries o
        where (o.message_id, o.destination) in (
            select message_id, destination from changed_old where status in ('pending', 'waiting', 'dead'));
    else
        truncate hub.open_deliveries;
    end if;
    return null;
end $$;

create trigger open_inserted after insert on hub.deliveries referencing new table as changed_new
    for each statement execute function hub.keep_open_deliveries();
create trigger open_updated after update on hub.deliveries referencing new table as changed_new
    for each statement execute function hub.keep_open_deliveries();
create trigger open_deleted after delete on hub.deliveries referencing old table as changed_old
    for each statement execute function hub.keep_open_deliveries();
create trigger open_truncated after truncate on hub.deliveries for each statement execute function hub.keep_open_deliveries();

-- The deliveries open so far (the triggers above lock hub.deliveries until this commits, so none is missed).
insert into hub.open_deliveries (message_id, destination, flow_id, record_key, status, attempts, next_attempt_at, last_error_code, updated_at)
select message_id, destination, flow_id, record_key, status, attempts, next_attempt_at, last_error_code, updated_at
from hub.deliveries where status in ('pending', 'waiting', 'dead');
analyze hub.open_deliveries;

-- The claim (DeliveryStore.ClaimBatchAsync): the next due deliveries of a flow and destination in message order, with
-- their messages. A function so its plan is generic and kept for the session: the messages are found by id through
-- every monthly partition (pruned as each row is looked up), and planning that join for the values of each call costs
-- several milliseconds with a year of partitions, more than running it; left to choose, PostgreSQL kept planning it
-- for each call once statistics said the custom plans were cheaper. Candidates are the oldest fresh deliveries and the
-- retries due longest (each read from its own end of one index, so retries not yet due are never walked); of those,
-- the lowest message ids. Only a record's oldest open message is ever 'pending': order per record holds. A paused
-- flow's are not claimed.
create function hub.claim_due_deliveries(for_flow text, for_destination text, batch_size int, due_at timestamptz)
    returns table (message_id bigint, record_key text, business_key text, version text, payload text, attempts int,
                   received_at timestamptz, trace_parent text)
    language plpgsql stable
    set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
begin
    return query
    with due as materialized (
        select c.message_id, c.attempts from (
            (select o.message_id, o.attempts from hub.open_deliveries o
             where o.destination = for_destination and o.flow_id = for_flow and o.status = 'pending' and o.next_attempt_at is null
             order by o.message_id
             limit batch_size)
            union all
            (select o.message_id, o.attempts from hub.open_deliveries o
             where o.destination = for_destination and o.flow_id = for_flow and o.status = 'pending' and o.next_attempt_at is not null and o.next_attempt_at <= due_at
             order by o.next_attempt_at, o.message_id
             limit batch_size)) c
        where not exists (select 1 from hub.flow_pauses p where p.flow_id = for_flow)
        order by c.message_id
        limit batch_size)
    select due.message_id, m.record_key, m.business_key, m.version, m.payload::text, due.attempts, m.received_at, m.trace_parent
    from due join hub.messages m on m.id = due.message_id
    order by due.message_id;
end $$;
