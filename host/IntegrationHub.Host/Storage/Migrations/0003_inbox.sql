-- Messages pushed by partners, durable before they are acknowledged, and never rewritten afterwards. A partner's
-- message id is stored once: a repeat gets the original receipt. The payload is kept as the validated JSON text
-- (checked by the gateway; parsed into jsonb when it is routed into a flow's messages).
create table hub.inbox (
    id bigserial primary key,
    receipt_id uuid not null,
    partner text not null,
    message_type text not null,
    partner_message_id text not null,
    business_key text,
    payload text not null,
    payload_sha256 bytea not null,
    received_at timestamptz not null,
    unique (partner, partner_message_id)
);

-- Received messages the router has not yet moved into their flow: a narrow queue beside the inbox, so routing
-- deletes a small row instead of rewriting a message and its indexes. Its size is the inbox depth back-pressure reads.
create table hub.inbox_unrouted (
    inbox_id bigint primary key
);

-- Nonces of accepted requests, kept for twice the clock-skew window: a captured request cannot be replayed.
create table hub.inbound_nonces (
    partner text not null,
    nonce text not null,
    seen_at timestamptz not null,
    primary key (partner, nonce)
);
create index inbound_nonces_by_age on hub.inbound_nonces (seen_at);
