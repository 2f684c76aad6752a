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

-- Adding and ending a window are operator actions. The allowed actions are extended in place, not listed again, so a
-- migration of another item that extends them too keeps both.
do $$
declare
    definition text;
begin
    select pg_get_constraintdef(oid) into definition
    from pg_constraint where conname = 'operator_actions_action_check' and conrelid = 'hub.operator_actions'::regclass;
    execute 'alter table hub.operator_actions drop constraint operator_actions_action_check';
    execute 'alter table hub.operator_actions add constraint operator_actions_action_check '
        || replace(definition, 'ARRAY[', 'ARRAY[''maintenance-add''::text, ''maintenance-end''::text, ');
end $$;
