-- Personal data encrypted at rest (issue 15, item 5): a lookup's personal id is kept as an AES-GCM token
-- (personal_id_token, under the key personal_id_key) and found through a keyed blind index (personal_id_index,
-- HMAC-SHA256), never in clear. The hub holds the keys, not the database, so the rows already stored are encrypted by
-- the hub at its next start (PersonalDataRewriter), which empties personal_id; a new row never fills it.
alter table hub.citizen_lookups alter column personal_id drop not null;
alter table hub.citizen_lookups add column personal_id_token text;
alter table hub.citizen_lookups add column personal_id_key text;
alter table hub.citizen_lookups add column personal_id_index text;
alter table hub.citizen_lookups add constraint citizen_lookups_personal_id_kept
    check (personal_id is not null or (personal_id_token is not null and personal_id_key is not null and personal_id_index is not null));
create index citizen_lookups_by_personal_id on hub.citizen_lookups (personal_id_index, id desc) where personal_id_index is not null;
-- The rows still in clear or under an older key, found without reading the whole audit.
create index citizen_lookups_to_rewrite on hub.citizen_lookups (id) where personal_id is not null;
create index citizen_lookups_by_key on hub.citizen_lookups (personal_id_key, id);

-- The audit stays append-only. The one update allowed is the hub's own rewrite of the id's encryption (encrypting a
-- clear row, or re-encrypting it under the current key), asked for with `set local hub.personal_data_rewrite = 'on'`
-- in its transaction, and only when nothing but the encrypted id's columns changes, the id never comes back in clear
-- and its blind index stays what it was. Deletes stay as 0029 made them (past retention, after archiving).
create or replace function hub.refuse_audit_change() returns trigger language plpgsql as $$
declare
    at timestamptz;
    encryption text[] := array['personal_id', 'personal_id_token', 'personal_id_key', 'personal_id_index'];
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
    elsif tg_table_name = 'citizen_lookups' and current_setting('hub.personal_data_rewrite', true) = 'on'
        and (to_jsonb(new) - encryption) = (to_jsonb(old) - encryption)
        and to_jsonb(new) ->> 'personal_id' is null and to_jsonb(new) ->> 'personal_id_token' is not null
        and (to_jsonb(old) ->> 'personal_id_index' is null or to_jsonb(old) ->> 'personal_id_index' = to_jsonb(new) ->> 'personal_id_index') then
        return new;
    end if;
    raise exception 'hub.% is an audit table: rows are never changed, and removed only past retention after they are archived', tg_table_name;
end $$;

-- Re-encrypting under a new key (rotation) is an operator action like a pause or a replay. The list is extended from
-- the one in place; after 0033 it is an array literal ('{replay,discard,...}'::text[]), no longer quoted strings, so
-- it is read either way.
do $$
declare
    definition text;
    actions text[];
begin
    select pg_get_constraintdef(c.oid) into definition from pg_constraint c
    where c.conname = 'operator_actions_action_check' and c.conrelid = 'hub.operator_actions'::regclass;
    if definition like '%''{%' then
        actions := string_to_array(replace((regexp_match(definition, '''\{([^}]*)\}'''))[1], '"', ''), ',');
    else
        select array_agg(distinct m[1]) into actions from regexp_matches(definition, '''([^'']+)''', 'g') as m;
    end if;
    alter table hub.operator_actions drop constraint operator_actions_action_check;
    execute format('alter table hub.operator_actions add constraint operator_actions_action_check check (action = any (%L::text[]))',
        array_append(actions, 'personal-data-reencrypt'));
end $$;
