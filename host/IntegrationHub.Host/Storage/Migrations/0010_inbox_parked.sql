-- Inbox messages the router could not route (PostgreSQL refused the payload, the flow could not take it) are set aside
-- here with their error, so one message never stops the queue behind it. An operator replays (back on the queue) or
-- discards them with a reason. A row keeps its story: parked, replayed, parked again (attempts counts the failures).
create table hub.inbox_parked (
    inbox_id bigint primary key references hub.inbox (id),
    source text not null,
    state text not null check (state in ('parked', 'replayed', 'discarded')),
    error_code text not null,
    error text not null,
    attempts int not null,
    first_parked_at timestamptz not null,
    parked_at timestamptz not null,
    updated_at timestamptz not null,
    action_id bigint references hub.operator_actions (id)
);
create index inbox_parked_open on hub.inbox_parked (inbox_id) where state = 'parked';

-- When a message was put on the routing queue (received or replayed), by the database's clock: a queue that does not
-- move shows in readiness and alerts. Filled by default, so the gateway's hot insert does not change.
alter table hub.inbox_unrouted add column queued_at timestamptz not null default now();

alter table hub.operator_actions drop constraint operator_actions_action_check;
alter table hub.operator_actions add constraint operator_actions_action_check
    check (action in ('replay', 'discard', 'inbox-replay', 'inbox-discard'));

-- A condition that lasts (a stalled routing queue) is one alert incident while it is seen again within a gap.
create table hub.alert_episodes (
    name text primary key,
    began_at timestamptz not null,
    seen_at timestamptz not null
);
