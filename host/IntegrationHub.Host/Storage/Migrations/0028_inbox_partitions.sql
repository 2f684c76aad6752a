-- Bounded inbox (issue 13, item 3): hub.inbox (pushed messages as received) is partitioned like the history of 0019,
-- by id in monthly ranges (hub.history_month_base), so a month past retention is archived and dropped whole.
--
-- The replay guard. unique (partner, partner_message_id) cannot stay a unique index of a table partitioned by id (a
-- partitioned table's unique index must contain the partition key), and partitioning by the key itself (hash of the
-- partner's message id) would leave no month to drop. So the guard is a small table of its own, hub.inbox_keys:
-- (partner, partner_message_id) -> inbox id, the same unique index the inbox had (no more index writes per message, one
-- narrow heap row more). A BEFORE INSERT trigger on the inbox claims the key and skips the row when it is taken, which is
-- exactly the ON CONFLICT DO NOTHING the writers had: concurrent repeats wait on the first's uncommitted key and are
-- then skipped, a repeat inside one statement is skipped, and every writer (the gateway, a module's own insert) is
-- guarded without remembering to. A key lives as long as its inbox row: the retention job deletes the keys of the rows it
-- archives and removes. So a partner's message id is answered with its original receipt for the whole inbox retention
-- (Hub:Retention:Messages, 400 days by default), far longer than any partner's retries; after that it would be new.
--
-- The rows that exist stay where they are: the table becomes the inbox's 'legacy' partition (nothing rewritten; the
-- attach reads it once to check the bound). Its keys are copied into hub.inbox_keys once (one pass, a narrow insert).
-- hub.inbox_partitions is the inbox's catalogue, the shape of hub.history_partitions; hub.advance_history (run at start
-- and daily) now also opens the inbox's month and next month and moves the inbox's sequence, at the same instant as
-- the messages'. A host of the previous version still running after this migration inserts with ON CONFLICT (partner,
-- partner_message_id), which no index of the partitioned inbox matches: its pushes fail and are answered 503 (nothing
-- acknowledged is lost, partners retry), so stop the old hosts when migrating.

create table hub.inbox_partitions (
    name text primary key,
    from_id bigint not null,
    to_id bigint not null,
    opened_at timestamptz,
    closed_at timestamptz,
    archives int not null default 0,
    dropped_at timestamptz
);

create table hub.inbox_keys (
    partner text not null,
    partner_message_id text not null,
    inbox_id bigint not null,
    primary key (partner, partner_message_id)
);

alter table hub.inbox_parked drop constraint inbox_parked_inbox_id_fkey;
alter table hub.inbox rename to inbox_legacy;
alter index hub.inbox_pkey rename to inbox_legacy_pkey;

create table hub.inbox (
    id bigint not null default nextval('hub.inbox_id_seq'),
    receipt_id uuid not null,
    partner text not null,
    message_type text not null,
    partner_message_id text not null,
    business_key text,
    payload text not null,
    payload_sha256 bytea not null,
    received_at timestamptz not null,
    trace_parent text,
    record_key text,
    primary key (id)
) partition by range (id);
alter sequence hub.inbox_id_seq owned by hub.inbox.id;
alter table hub.inbox_legacy alter column id drop default;

insert into hub.inbox_keys (partner, partner_message_id, inbox_id) select partner, partner_message_id, id from hub.inbox_legacy;
alter table hub.inbox_legacy drop constraint inbox_partner_partner_message_id_key;

create function hub.claim_inbox_key() returns trigger language plpgsql as $$
begin
    insert into hub.inbox_keys (partner, partner_message_id, inbox_id) values (new.partner, new.partner_message_id, new.id)
    on conflict do nothing;
    if found then
        return new;
    end if;
    return null; -- a repeat: stored once, under its first id
end $$;

create function hub.ensure_inbox_partition(month timestamptz) returns text language plpgsql as $$
declare
    first_day timestamptz := date_trunc('month', month, 'UTC');
    part text := to_char(first_day at time zone 'UTC', '"p"YYYY_MM');
    low bigint := hub.history_month_base(first_day);
    high bigint := hub.history_month_base(first_day + interval '1 month');
begin
    if exists (select 1 from hub.inbox_partitions p where p.name = part) then
        return part;
    end if;
    execute format('create table hub.inbox_%s partition of hub.inbox for values from (%s) to (%s)', part, low, high);
    insert into hub.inbox_partitions (name, from_id, to_id) values (part, low, high);
    return part;
end $$;

-- The inbox's part of hub.advance_history (same lock, same instant): the inbox's months and sequence.
create function hub.advance_inbox(at timestamptz) returns text language plpgsql as $$
declare
    current_name text;
    base bigint := hub.history_month_base(date_trunc('month', at, 'UTC'));
    last bigint;
begin
    current_name := hub.ensure_inbox_partition(at);
    perform hub.ensure_inbox_partition(date_trunc('month', at, 'UTC') + interval '1 month');
    select last_value into last from hub.inbox_id_seq;
    if last < base then
        perform setval('hub.inbox_id_seq', base, false);
        update hub.inbox_partitions set closed_at = at where closed_at is null and opened_at is not null;
        update hub.inbox_partitions set opened_at = at where name = current_name;
    end if;
    return current_name;
end $$;

-- hub.advance_history keeps its name for its callers and does both: the messages' part of 0019, under whose advisory lock
-- (held to the end of the transaction) the inbox's part then runs.
alter function hub.advance_history(timestamptz) rename to advance_messages;
create function hub.advance_history(at timestamptz) returns text language plpgsql as $$
declare
    current_name text := hub.advance_messages(at);
begin
    perform hub.advance_inbox(at);
    return current_name;
end $$;

do $$
declare
    bound bigint := (select last_value + 1 from hub.inbox_id_seq);
begin
    insert into hub.inbox_partitions (name, from_id, to_id, opened_at)
    select 'legacy', -9223372036854775808, bound,
           coalesce((select received_at from hub.inbox_legacy order by id limit 1), now());
    execute format('alter table hub.inbox attach partition hub.inbox_legacy for values from (minvalue) to (%s)', bound);
end $$;

-- After the attach: the legacy partition's existing rows hold their keys already.
create trigger claim_key before insert on hub.inbox for each row execute function hub.claim_inbox_key();
alter table hub.inbox_parked add constraint inbox_parked_inbox_id_fkey foreign key (inbox_id) references hub.inbox (id);
select hub.advance_history(now());
