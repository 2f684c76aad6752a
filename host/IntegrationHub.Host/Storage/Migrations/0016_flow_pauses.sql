-- A flow an operator paused: it starts no runs and its deliveries are not claimed (so no attempt is spent and nothing
-- becomes a dead letter) until it is resumed; pushed messages are still received. The row is the state, shared by
-- every hub process of the cluster; resuming deletes it. skipped_runs counts schedule firings refused meanwhile, so
-- a resume knows to run the flow once from its checkpoint.
create table hub.flow_pauses (
    flow_id text primary key,
    paused_by text not null,
    reason text not null,
    paused_at timestamptz not null,
    action_id bigint not null references hub.operator_actions (id),
    skipped_runs int not null default 0
);

-- Pause and resume are operator actions like replays and discards: who, why, when.
alter table hub.operator_actions drop constraint operator_actions_action_check;
alter table hub.operator_actions add constraint operator_actions_action_check
    check (action in ('replay', 'discard', 'inbox-replay', 'inbox-discard', 'flow-pause', 'flow-resume'));
