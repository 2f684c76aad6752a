-- Backfills (issue 14, item 4): a run of a flow that re-reads its source from a checkpoint an operator gives (or the
-- checkpoint at a time), without moving the flow's own checkpoint. It is a hub.flow_runs row like any run, its trigger
-- 'backfill:<officer>', its reason, where it started and stops, and how far it got (backfill_position: the last
-- checkpoint it committed, from which a failed or abandoned backfill can be asked again).
-- A backfill's row exists from the request on, as 'queued', so that the answer can name it; one flow has at most one
-- backfill queued or running.
alter table hub.flow_runs
    add column reason text,
    add column backfill_from text,
    add column backfill_to timestamptz,
    add column backfill_position text;

create unique index flow_runs_one_backfill on hub.flow_runs (flow_id)
    where trigger like 'backfill:%' and status in ('queued', 'running');

-- A backfill is an operator action like a pause or a replay. The list of actions is extended from the one in place,
-- so a migration of another change that added its own action keeps it.
do $$
declare
    actions text[];
begin
    select array_agg(distinct m[1]) into actions
    from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([^'']+)''', 'g') as m
    where c.conname = 'operator_actions_action_check' and c.conrelid = 'hub.operator_actions'::regclass;
    alter table hub.operator_actions drop constraint operator_actions_action_check;
    execute format('alter table hub.operator_actions add constraint operator_actions_action_check check (action = any (%L::text[]))',
        array_append(actions, 'flow-backfill'));
end $$;
