-- One-off maintenance windows of a counterparty (issue 14, item 3), added by an operator at run time with a reason.
-- During a window nothing is sent to or read from the connector; every hub process of the cluster reads this table
-- (recurring windows are in config). Ending a window early keeps the row (who, why, when) and sets ended_at.
-- action_id is not a foreign key: audit retention may archive the operator action while the window is kept.
create table hub.connector_maintenance (
    id bigserial primary key,
    connector_id text not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    reason text not null,
    added_by text not null,
    added_at timestamptz not null,
    action_id bigint not null,
    ended_at timestamptz,
    ended_by text,
    end_reason text,
    check (ends_at > starts_at)
);

create index connector_maintenance_open on hub.connector_maintenance (ends_at) where ended_at is null;

-- Adding and ending a window are operator actions. The allowed actions are read from the constraint in place and
-- extended, so another change's migration that added its own keeps it, in whichever order they run. The constraint's
-- text is either ARRAY['replay'::text, ...] (written as a list) or '{replay,...}'::text[] (written as an array): both are
-- read, and it is written back as a list, the form the other migrations read.
do $$
declare
    actions text[];
begin
    select array_agg(distinct action) into actions
    from (
        select unnest(case when m[1] like '{%}' then string_to_array(trim(both '{}' from m[1]), ',') else array[m[1]] end) as action
        from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([^'']+)''', 'g') as m
        where c.conname = 'operator_actions_action_check' and c.conrelid = 'hub.operator_actions'::regclass) found;
    actions := array(select distinct unnest(actions || array['maintenance-add', 'maintenance-end']) order by 1);
    alter table hub.operator_actions drop constraint operator_actions_action_check;
    execute format('alter table hub.operator_actions add constraint operator_actions_action_check check (action in (%s))',
        (select string_agg(quote_literal(a), ', ') from unnest(actions) as a));
end $$;
