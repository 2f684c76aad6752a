-- Payments of dossier fees through the national payment platform: created by INIT, settled by the platform's
-- callback or by QUERY, checked daily against the platform's statement.
create sequence hub.payment_reference_seq;

create table hub.payments (
    ma_tham_chieu text primary key,
    partner text not null,
    partner_message_id text not null,
    ma_ho_so text not null,
    so_tien bigint not null check (so_tien > 0),
    request jsonb not null,
    status text not null check (status in ('new', 'created', 'paid', 'failed')),
    url_thanh_toan text,
    ma_giao_dich text,
    ma_ngan_hang text,
    thoi_gian_gd text,
    settled_by text,
    created_at timestamptz not null,
    settled_at timestamptz,
    last_queried_at timestamptz,
    query_count int not null default 0,
    unique (partner, partner_message_id)
);
create index payments_by_dossier on hub.payments (ma_ho_so);
create index payments_open on hub.payments (created_at) where status = 'created';
create index payments_settled on hub.payments (settled_at) where status in ('paid', 'failed');

create table hub.reconciliations (
    id bigserial primary key,
    day date not null,
    started_at timestamptz not null,
    trigger text not null,
    matched int not null,
    missing_in_hub int not null,
    missing_at_platform int not null,
    amount_mismatch int not null,
    status_mismatch int not null
);
create index reconciliations_by_day on hub.reconciliations (day, id desc);

create table hub.reconciliation_items (
    reconciliation_id bigint not null references hub.reconciliations (id),
    kind text not null check (kind in ('matched', 'missing_in_hub', 'missing_at_platform', 'amount_mismatch', 'status_mismatch')),
    ma_tham_chieu text not null,
    ma_ho_so text,
    hub_amount bigint,
    platform_amount bigint,
    hub_status text,
    platform_status text,
    ma_giao_dich text
);
create index reconciliation_items_by_run on hub.reconciliation_items (reconciliation_id, kind);

-- Things officials must hear about. Issue 5 sends them by e-mail; until then the dashboard and log show them.
create table hub.alerts (
    id bigserial primary key,
    kind text not null,
    subject text not null,
    detail text not null,
    reference text,
    raised_at timestamptz not null
);
