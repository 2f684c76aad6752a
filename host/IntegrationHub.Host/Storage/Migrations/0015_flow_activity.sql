-- What happened per flow and hour (UTC hour start), for the dashboard's throughput and failure charts over 24 hours and
-- 7 days: kept like hub.flow_counters (0014), by statement-level triggers in the writing transaction, sharded by backend.
-- The hour is the row's own time (received_at, updated_at: the hub's clock), as in the message log.
--   received         messages created
--   delivered        deliveries that became 'delivered'
--   failed_attempts  delivery attempts that failed (retried later or, at the last or a permanent failure, dead-lettered)
--   dead_lettered    deliveries that became dead letters (also those set aside on receipt)
--   skipped          deliveries that became 'skipped'
create table hub.flow_activity (
    flow_id text not null,
    hour timestamptz not null,
    shard smallint not null,
    received bigint not null default 0,
    delivered bigint not null default 0,
    failed_attempts bigint not null default 0,
    dead_lettered bigint not null default 0,
    skipped bigint not null default 0,
    primary key (flow_id, hour, shard)
) with (fillfactor = 50);
alter table hub.flow_activity set (autovacuum_vacuum_scale_factor = 0.05, autovacuum_vacuum_threshold = 1000);

create function hub.note_received() returns trigger language plpgsql as $$
begin
    insert into hub.flow_activity as a (flow_id, hour, shard, received)
    select flow_id, date_trunc('hour', received_at, 'UTC'), hub.counter_shard(), count(*)
    from changed_new group by 1, 2 order by 1, 2
    on conflict (flow_id, hour, shard) do update set received = a.received + excluded.received;
    return null;
end $$;

create function hub.note_delivery_activity() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        -- A delivery is born 'dead' when its record could not be stored as it was.
        insert into hub.flow_activity as a (flow_id, hour, shard, dead_lettered)
        select flow_id, date_trunc('hour', updated_at, 'UTC'), hub.counter_shard(), count(*)
        from changed_new where status = 'dead' group by 1, 2 order by 1, 2
        on conflict (flow_id, hour, shard) do update set dead_lettered = a.dead_lettered + excluded.dead_lettered;
    else
        insert into hub.flow_activity as a (flow_id, hour, shard, delivered, failed_attempts, dead_lettered, skipped)
        select n.flow_id, date_trunc('hour', n.updated_at, 'UTC'), hub.counter_shard(),
               count(*) filter (where n.status = 'delivered' and o.status <> 'delivered'),
               count(*) filter (where n.status in ('pending', 'dead') and n.attempts > o.attempts),
               count(*) filter (where n.status = 'dead' and o.status <> 'dead'),
               count(*) filter (where n.status = 'skipped' and o.status <> 'skipped')
        from changed_new n join changed_old o on o.message_id = n.message_id and o.destination = n.destination
        where n.status <> o.status or n.attempts > o.attempts
        group by 1, 2 order by 1, 2
        on conflict (flow_id, hour, shard) do update set
            delivered = a.delivered + excluded.delivered,
            failed_attempts = a.failed_attempts + excluded.failed_attempts,
            dead_lettered = a.dead_lettered + excluded.dead_lettered,
            skipped = a.skipped + excluded.skipped;
    end if;
    return null;
end $$;

create trigger note_inserted after insert on hub.messages referencing new table as changed_new
    for each statement execute function hub.note_received();
create trigger note_inserted after insert on hub.deliveries referencing new table as changed_new
    for each statement execute function hub.note_delivery_activity();
create trigger note_updated after update on hub.deliveries referencing old table as changed_old new table as changed_new
    for each statement execute function hub.note_delivery_activity();

-- The last 7 days before this migration, from the message log (the triggers above lock both tables until it commits).
-- The log has a line per receipt, delivery, skip, failed attempt and dead letter; a dead letter set aside on receipt
-- has none, and is found as a dead delivery never attempted.
insert into hub.flow_activity (flow_id, hour, shard, received, delivered, failed_attempts, dead_lettered, skipped)
select flow_id, hour, 0, sum(received), sum(delivered), sum(failed_attempts), sum(dead_lettered), sum(skipped)
from (
    select m.flow_id, date_trunc('hour', l.at, 'UTC') as hour,
           count(*) filter (where l.event = 'received') as received,
           count(*) filter (where l.event = 'delivered') as delivered,
           count(*) filter (where l.event in ('attempt_failed', 'dead_lettered')) as failed_attempts,
           count(*) filter (where l.event = 'dead_lettered') as dead_lettered,
           count(*) filter (where l.event = 'skipped') as skipped
    from hub.message_log l join hub.messages m on m.id = l.message_id
    where l.at >= now() - interval '8 days'
      and l.event in ('received', 'delivered', 'attempt_failed', 'dead_lettered', 'skipped')
    group by 1, 2
    union all
    select flow_id, date_trunc('hour', updated_at, 'UTC'), 0, 0, 0, count(*), 0
    from hub.deliveries
    where status = 'dead' and attempts = 0 and updated_at >= now() - interval '8 days'
    group by 1, 2) t
group by flow_id, hour;
