-- Messages pushed by partners, durable before they are acknowledged. A partner's message id is stored once: a
-- repeat gets the original receipt. The router moves received rows into their flow's messages.
create table hub.inbox (
    id bigserial primary key,
    receipt_id uuid not null unique,
    partner text not null,
    message_type text not null,
    partner_message_id text not null,
    business_key text,
    payload jsonb not null,
    payload_sha256 bytea not null,
    received_at timestamptz not null,
    state text not null default 'received' check (state in ('received', 'routed', 'stored')),
    routed_at timestamptz,
    unique (partner, partner_message_id)
);
create index inbox_received on hub.inbox (id) where state = 'received';

-- Nonces of accepted requests, kept for twice the clock-skew window: a captured request cannot be replayed.
create table hub.inbound_nonces (
    partner text not null,
    nonce text not null,
    seen_at timestamptz not null,
    primary key (partner, nonce)
);
create index inbound_nonces_by_age on hub.inbound_nonces (seen_at);
