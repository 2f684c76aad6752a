-- Counts per flow, destination and state, kept as messages and deliveries change, so GET /api/flows no longer counts the
-- whole history. Kept by statement-level triggers with transition tables: every statement that inserts, updates or
-- deletes rows (the hub's own, a later migration's, an operator's psql) adds its net change per (flow, destination,
-- state) in its own transaction, one upsert per group and statement rather than per row, and no writer can forget to.
--
-- state: 'received' for a message of the flow (destination ''), else a delivery's status, a pending delivery that has
-- failed at least once counted apart as 'failing'.
--
-- Rows are sharded by the writing backend (pid mod 8) and summed on read, so transactions writing one flow at once
-- (today they take the flow's advisory lock; nothing here relies on it) do not queue on one counter row.
create table hub.flow_counters (
    flow_id text not null,
    destination text not null,
    state text not null,
    shard smallint not null,
    n bigint not null,
    primary key (flow_id, destination, state, shard)
) with (fillfactor = 50);
-- Rewritten by every delivery batch: HOT updates (n is in no index) into the room left on each page, vacuumed often.
alter table hub.flow_counters set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);

create function hub.delivery_count_state(status text, attempts int) returns text
    language sql immutable parallel safe
    return case when status = 'pending' and attempts > 0 then 'failing' else status end;

create function hub.counter_shard() returns smallint
    language sql stable parallel safe
    return (pg_backend_pid() % 8)::smallint;

-- A trigger with transition tables serves one event, so each function has a branch per event (a branch's statement is
-- planned only when it runs). Groups are upserted in key order: two writers never wait for each other in a circle.
create function hub.count_messages() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into hub.flow_counters as c (flow_id, destination, state, shard, n)
        select flow_id, '', 'received', hub.counter_shard(), count(*) from changed_new group by flow_id order by flow_id
        on conflict (flow_id, destination, state, shard) do update set n = c.n + excluded.n;
    elsif tg_op = 'DELETE' then
        insert into hub.flow_counters as c (flow_id, destination, state, shard, n)
        select flow_id, '', 'received', hub.counter_shard(), -count(*) from changed_old group by flow_id order by flow_id
        on conflict (flow_id, destination, state, shard) do update set n = c.n + excluded.n;
    end if;
    return null;
end $$;

create function hub.count_deliveries() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into hub.flow_counters as c (flow_id, destination, state, shard, n)
        select flow_id, destination, hub.delivery_count_state(status, attempts), hub.counter_shard(), count(*)
        from changed_new group by 1, 2, 3 order by 1, 2, 3
        on conflict (flow_id, destination, state, shard) do update set n = c.n + excluded.n;
    elsif tg_op = 'DELETE' then
        insert into hub.flow_counters as c (flow_id, destination, state, shard, n)
        select flow_id, destination, hub.delivery_count_state(status, attempts), hub.counter_shard(), -count(*)
        from changed_old group by 1, 2, 3 order by 1, 2, 3
        on conflict (flow_id, destination, state, shard) do update set n = c.n + excluded.n;
    else
        insert into hub.flow_counters as c (flow_id, destination, state, shard, n)
        select flow_id, destination, state, hub.counter_shard(), sum(delta)
        from (select flow_id, destination, hub.delivery_count_state(status, attempts) as state, 1 as delta from changed_new
              union all
              select flow_id, destination, hub.delivery_count_state(status, attempts), -1 from changed_old) t
        group by 1, 2, 3 having sum(delta) <> 0 order by 1, 2, 3
        on conflict (flow_id, destination, state, shard) do update set n = c.n + excluded.n;
    end if;
    return null;
end $$;

-- Truncating (a test database, a manual reset) leaves nothing to count.
create function hub.forget_counts() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'messages' then
        delete from hub.flow_counters where destination = '';
    else
        delete from hub.flow_counters where destination <> '';
    end if;
    return null;
end $$;

-- Creating the triggers locks both tables against writes until this migration commits, so the counts below miss
-- nothing a host still running the previous version writes meanwhile.
create trigger count_inserted after insert on hub.messages referencing new table as changed_new
    for each statement execute function hub.count_messages();
create trigger count_deleted after delete on hub.messages referencing old table as changed_old
    for each statement execute function hub.count_messages();
create trigger count_truncated after truncate on hub.messages for each statement execute function hub.forget_counts();
create trigger count_inserted after insert on hub.deliveries referencing new table as changed_new
    for each statement execute function hub.count_deliveries();
create trigger count_updated after update on hub.deliveries referencing old table as changed_old new table as changed_new
    for each statement execute function hub.count_deliveries();
create trigger count_deleted after delete on hub.deliveries referencing old table as changed_old
    for each statement execute function hub.count_deliveries();
create trigger count_truncated after truncate on hub.deliveries for each statement execute function hub.forget_counts();

insert into hub.flow_counters (flow_id, destination, state, shard, n)
select flow_id, '', 'received', 0, count(*) from hub.messages group by flow_id;
insert into hub.flow_counters (flow_id, destination, state, shard, n)
select flow_id, destination, hub.delivery_count_state(status, attempts), 0, count(*) from hub.deliveries group by 1, 2, 3;
