-- Wake-ups across hosts (issue 13, item 2): a commit that queues inbox messages or creates pending deliveries notifies
-- the hosts' listeners, so routing and delivery start at once instead of at their next poll. NOTIFY is transactional:
-- it is sent at commit (never before: a woken host always sees the rows) and not at all on rollback. Triggers, so every
-- path that writes these rows (gateway, modules' own endpoints, router, flow runs, replays of parked messages) wakes
-- without each remembering to; one notification per statement and flow+destination, whatever the number of rows.
create function hub.notify_inbox_queued() returns trigger language plpgsql as $$
begin
    if exists (select 1 from queued) then
        perform pg_notify('hub_inbox', '');
    end if;
    return null;
end $$;

create trigger inbox_unrouted_wake after insert on hub.inbox_unrouted
    referencing new table as queued for each statement execute function hub.notify_inbox_queued();

-- Payload: flow id, a tab, the destination (neither holds a tab: flow ids and stream refs are config names).
create function hub.notify_deliveries_pending() returns trigger language plpgsql as $$
begin
    perform pg_notify('hub_deliveries', p.flow_id || chr(9) || p.destination)
    from (select distinct flow_id, destination from created where status = 'pending') p;
    return null;
end $$;

create trigger deliveries_wake after insert on hub.deliveries
    referencing new table as created for each statement execute function hub.notify_deliveries_pending();
