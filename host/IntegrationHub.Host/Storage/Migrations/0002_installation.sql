-- A random id for this hub database, part of every idempotency key: message ids restart when a database is
-- recreated, and a counterparty must not mistake a new message for one it has already applied.
create table hub.installation (
    id uuid primary key,
    created_at timestamptz not null default now()
);
insert into hub.installation (id) values (gen_random_uuid());
