-- Audits past retention (issue 13, item 3: "audits kept longer", Hub:Retention:Audits, 5 years by default): operator
-- actions (replays, discards, pauses: who, why, when) and population-database lookups with their reveals. They are
-- small next to the history, so a month past retention is archived (gzip JSON lines + manifest, verified) and then
-- deleted row by row, not partitioned.
--
-- The lookups stay append-only: the trigger of 0008 still refuses every update, and refuses a delete unless the row is
-- older than its table's horizon here, which only the retention job moves forward (to the start of the month past
-- retention), in the transaction that deletes what it has just archived. A lookup revealed later is kept, with its
-- reveals, until its last reveal is past retention too.
--
-- An operator action is kept while anything still refers to it (a flow still paused by it, a parked inbox message, the
-- log of a message kept open, such as a dead letter replayed and dead again): those references hold a foreign key.
create table hub.audit_horizons (
    kind text primary key,
    before timestamptz not null
);

-- Archives written per kind and month (a month whose kept rows are released later is archived again: -2, -3...).
create table hub.audit_archives (
    kind text not null,
    month timestamptz not null,
    archives int not null,
    primary key (kind, month)
);

create index operator_actions_by_time on hub.operator_actions (at);

create or replace function hub.refuse_audit_change() returns trigger language plpgsql as $$
declare
    at timestamptz;
begin
    if tg_op = 'DELETE' then
        -- One statement per table: a row type without the column must not be asked for it.
        if tg_table_name = 'citizen_lookups' then
            at := old.requested_at;
        elsif tg_table_name = 'citizen_lookup_reveals' then
            at := old.revealed_at;
        end if;
        if at < (select h.before from hub.audit_horizons h where h.kind = tg_table_name) then
            return old;
        end if;
    end if;
    raise exception 'hub.% is an audit table: rows are never changed, and removed only past retention after they are archived', tg_table_name;
end $$;
