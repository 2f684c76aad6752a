-- Every population-database lookup, and every reveal of a full personal id, is audited. Both tables are append-only:
-- a trigger refuses updates and deletes, so the audit cannot be edited through the hub's own connection either.
create table hub.citizen_lookups (
    id bigint generated always as identity primary key,
    requested_at timestamptz not null,
    -- 'flow:<id>' for a flow's enrichment, 'admin:<user>' for a person.
    requested_by text not null,
    flow_id text,
    message_id bigint,
    dossier text,
    personal_id text not null,
    personal_id_masked text not null,
    -- SHA-256 of what was declared (id, name, date of birth): a changed declaration is verified again.
    declared_hash text not null,
    outcome text not null check (outcome in ('match', 'mismatch', 'not_found', 'failed')),
    differing_fields text[] not null default '{}',
    failure_code text,
    duration_ms int not null,
    -- What was written back (the citizen check), reused when a delivery is retried; null when the lookup failed.
    result jsonb
);
create index citizen_lookups_by_dossier on hub.citizen_lookups (dossier, id desc);
create index citizen_lookups_by_message on hub.citizen_lookups (message_id) where message_id is not null;
create index citizen_lookups_by_time on hub.citizen_lookups (requested_at desc);

create table hub.citizen_lookup_reveals (
    id bigint generated always as identity primary key,
    lookup_id bigint not null references hub.citizen_lookups (id),
    revealed_at timestamptz not null,
    revealed_by text not null,
    reason text not null
);
create index citizen_lookup_reveals_by_lookup on hub.citizen_lookup_reveals (lookup_id);

create function hub.refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'hub.% is an audit table: rows are never changed or removed', tg_table_name;
end $$;
create trigger citizen_lookups_append_only before update or delete on hub.citizen_lookups
    for each row execute function hub.refuse_audit_change();
create trigger citizen_lookup_reveals_append_only before update or delete on hub.citizen_lookup_reveals
    for each row execute function hub.refuse_audit_change();
