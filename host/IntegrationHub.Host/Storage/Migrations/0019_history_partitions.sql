-- Bounded history (issue 13): hub.messages, hub.deliveries and hub.message_log become partitioned tables (PostgreSQL
-- declarative partitioning), so a month past retention is archived and dropped as a whole instead of deleted row by row.
--
-- Why range partitions on the message id and not on a time column: the message id stays the messages' primary key
-- alone (a key on a partitioned table must contain the partition key, so partitions by received_at would make it
-- (id, received_at)), hub.deliveries keeps its foreign key to it, and a delivery and the log lines of a message, which
-- are written long after the message (retries, replays), land in the partition of their message: one month of
-- messages with all their deliveries and steps is three partitions with the same bounds, archived and dropped together.
-- Ids are made to follow time: the month of an id is its high bits (hub.history_month_base), and at each month's start
-- hub.advance_history (run at start and by the scheduled retention job) creates the month's and the next month's
-- partitions and moves the id sequence up to the month's base. Every writer keeps taking plain nextval ids (INSERT into
-- the parents, COPY into them, or nextval taken ahead), they land in the current month's partition. hub.history_partitions
-- is the catalogue: each partition's id range and the time span its ids were issued in (opened_at .. closed_at), which
-- is what retention reads. Rows written in the minutes between a month's start and the sequence's move stay in the
-- previous partition, which is why the span is recorded rather than derived from the range.
--
-- The rows that exist are kept where they are: the tables become the first ('legacy') partition, up to the last id issued.
-- Their indexes are attached as they are (same definitions, nothing rebuilt); the attach's check of the partition bound is
-- the one pass over existing rows (a read).
--
-- The foreign key from deliveries to messages is kept per month: each deliveries partition references its month's messages
-- partition (the legacy one keeps the key it had). A key on the parents, referencing the partitioned messages, checks each
-- inserted delivery through the partitioned table, measured 3-4 times the cost of a check against a plain table (it grows
-- with the number of partitions), on the hub's hottest insert; the month's partition is the only one that can hold the
-- message, so checking it is the same guarantee. It also lets a month be dropped without scanning the other months for
-- references.
--
-- message_log: a key on a partitioned table must contain the partition key, and nothing references a log line by its
-- id alone, so the log keeps its (message_id, id) index and no longer has a primary key (ids stay unique: one sequence).
-- The statement triggers of 0014/0015 (counters) are recreated on the parents: statement triggers with transition tables
-- fire for statements on a partitioned table (INSERT, COPY, UPDATE, DELETE through the parent), whichever partitions the
-- rows are in. Dropping a partition fires no trigger: the retention job subtracts the dropped rows from the counters itself.

create function hub.history_month_base(month timestamptz) returns bigint
    language sql immutable parallel safe
    return ((extract(year from month at time zone 'UTC')::bigint - 2000) * 12 + extract(month from month at time zone 'UTC')::bigint) << 40;

create table hub.history_partitions (
    name text primary key,
    from_id bigint not null,
    to_id bigint not null,
    -- When ids of this range started and stopped being issued (the sequence moved into it, and past it); null while
    -- not yet or still current.
    opened_at timestamptz,
    closed_at timestamptz,
    -- Archives written for it (a partition that kept open dead letters is archived again when they are resolved).
    archives int not null default 0,
    dropped_at timestamptz
);

alter table hub.messages rename to messages_legacy;
alter index hub.messages_pkey rename to messages_legacy_pkey;
alter index hub.messages_by_flow rename to messages_legacy_by_flow;
alter index hub.messages_by_business_key rename to messages_legacy_by_business_key;
alter table hub.deliveries rename to deliveries_legacy;
alter index hub.deliveries_pkey rename to deliveries_legacy_pkey;
alter index hub.deliveries_pending rename to deliveries_legacy_pending;
alter index hub.deliveries_open_by_record rename to deliveries_legacy_open_by_record;
alter index hub.deliveries_dead rename to deliveries_legacy_dead;
alter table hub.message_log rename to message_log_legacy;
alter index hub.message_log_by_message rename to message_log_legacy_by_message;
alter table hub.message_log_legacy drop constraint message_log_pkey;

drop trigger count_inserted on hub.messages_legacy;
drop trigger count_deleted on hub.messages_legacy;
drop trigger count_truncated on hub.messages_legacy;
drop trigger note_inserted on hub.messages_legacy;
drop trigger count_inserted on hub.deliveries_legacy;
drop trigger count_updated on hub.deliveries_legacy;
drop trigger count_deleted on hub.deliveries_legacy;
drop trigger count_truncated on hub.deliveries_legacy;
drop trigger note_inserted on hub.deliveries_legacy;
drop trigger note_updated on hub.deliveries_legacy;

create table hub.messages (
    id bigint not null default nextval('hub.messages_id_seq'),
    flow_id text not null,
    record_key text not null,
    business_key text not null,
    version text not null,
    payload jsonb not null,
    received_at timestamptz not null,
    run_id bigint,
    trace_parent text,
    primary key (id)
) partition by range (id);
create index messages_by_flow on hub.messages (flow_id, id);
create index messages_by_business_key on hub.messages (business_key);
alter sequence hub.messages_id_seq owned by hub.messages.id;
alter table hub.messages_legacy alter column id drop default;

create table hub.deliveries (
    message_id bigint not null,
    destination text not null,
    flow_id text not null,
    record_key text not null,
    status text not null constraint deliveries_status_check check (status in ('pending', 'waiting', 'delivered', 'skipped', 'dead', 'discarded')),
    attempts int not null default 0,
    next_attempt_at timestamptz,
    last_error_code text,
    last_error text,
    updated_at timestamptz not null,
    reference text,
    primary key (message_id, destination)
) partition by range (message_id);
create index deliveries_pending on hub.deliveries (destination, flow_id, message_id) where status = 'pending';
create index deliveries_open_by_record on hub.deliveries (destination, flow_id, record_key, message_id) where status in ('pending', 'waiting', 'dead');
create index deliveries_dead on hub.deliveries (flow_id, updated_at) where status = 'dead';

create table hub.message_log (
    id bigint not null default nextval('hub.message_log_id_seq'),
    message_id bigint not null,
    destination text,
    event text not null,
    detail text,
    duration_ms int,
    action_id bigint references hub.operator_actions (id),
    at timestamptz not null
) partition by range (message_id);
create index message_log_by_message on hub.message_log (message_id, id);
alter sequence hub.message_log_id_seq owned by hub.message_log.id;
alter table hub.message_log_legacy alter column id drop default;

-- Creates a month's three partitions (if missing) and its catalogue row. Bulk runs add rows fast: keep planner
-- statistics close behind (a storage parameter of each partition; a partitioned table has none).
create function hub.ensure_history_partition(month timestamptz) returns text language plpgsql as $$
declare
    first_day timestamptz := date_trunc('month', month, 'UTC');
    part text := to_char(first_day at time zone 'UTC', '"p"YYYY_MM');
    low bigint := hub.history_month_base(first_day);
    high bigint := hub.history_month_base(first_day + interval '1 month');
begin
    if exists (select 1 from hub.history_partitions p where p.name = part) then
        return part;
    end if;
    execute format('create table hub.messages_%s partition of hub.messages for values from (%s) to (%s) '
        'with (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000)', part, low, high);
    execute format('create table hub.deliveries_%s partition of hub.deliveries for values from (%s) to (%s) '
        'with (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000)', part, low, high);
    execute format('create table hub.message_log_%s partition of hub.message_log for values from (%s) to (%s)', part, low, high);
    execute format('alter table hub.deliveries_%1$s add constraint deliveries_%1$s_message_id_fkey foreign key (message_id) references hub.messages_%1$s (id)', part);
    insert into hub.history_partitions (name, from_id, to_id) values (part, low, high);
    return part;
end $$;

-- At (or after) a month's start: the month's and the next month's partitions exist, and new ids are the month's. Only
-- ever moves forward (a clock set back changes nothing). Returns the current partition's name.
create function hub.advance_history(at timestamptz) returns text language plpgsql as $$
declare
    current_name text;
    base bigint := hub.history_month_base(date_trunc('month', at, 'UTC'));
    last bigint;
begin
    -- One mover at a time (hosts starting together, the job on another host).
    perform pg_advisory_xact_lock(5207218362616147026);
    current_name := hub.ensure_history_partition(at);
    perform hub.ensure_history_partition(date_trunc('month', at, 'UTC') + interval '1 month');
    select last_value into last from hub.messages_id_seq;
    if last < base then
        perform setval('hub.messages_id_seq', base, false);
        update hub.history_partitions set closed_at = at where closed_at is null and opened_at is not null;
        update hub.history_partitions set opened_at = at where name = current_name;
    end if;
    return current_name;
end $$;

-- The rows so far: the legacy partition, up to the last id the sequence issued (a transaction of a host still running the
-- previous version may hold a larger one than the rows show). The ids between it and this month's base are never issued.
do $$
declare
    bound bigint := (select last_value + 1 from hub.messages_id_seq);
begin
    insert into hub.history_partitions (name, from_id, to_id, opened_at)
    select 'legacy', -9223372036854775808, bound,
           coalesce((select received_at from hub.messages_legacy order by id limit 1), now());
    execute format('alter table hub.messages attach partition hub.messages_legacy for values from (minvalue) to (%s)', bound);
    execute format('alter table hub.deliveries attach partition hub.deliveries_legacy for values from (minvalue) to (%s)', bound);
    execute format('alter table hub.message_log attach partition hub.message_log_legacy for values from (minvalue) to (%s)', bound);
end $$;
select hub.advance_history(now());

create trigger count_inserted after insert on hub.messages referencing new table as changed_new
    for each statement execute function hub.count_messages();
create trigger count_deleted after delete on hub.messages referencing old table as changed_old
    for each statement execute function hub.count_messages();
create trigger count_truncated after truncate on hub.messages for each statement execute function hub.forget_counts();
create trigger note_inserted after insert on hub.messages referencing new table as changed_new
    for each statement execute function hub.note_received();
create trigger count_inserted after insert on hub.deliveries referencing new table as changed_new
    for each statement execute function hub.count_deliveries();
create trigger count_updated after update on hub.deliveries referencing old table as changed_old new table as changed_new
    for each statement execute function hub.count_deliveries();
create trigger count_deleted after delete on hub.deliveries referencing old table as changed_old
    for each statement execute function hub.count_deliveries();
create trigger count_truncated after truncate on hub.deliveries for each statement execute function hub.forget_counts();
create trigger note_inserted after insert on hub.deliveries referencing new table as changed_new
    for each statement execute function hub.note_delivery_activity();
create trigger note_updated after update on hub.deliveries referencing old table as changed_old new table as changed_new
    for each statement execute function hub.note_delivery_activity();
