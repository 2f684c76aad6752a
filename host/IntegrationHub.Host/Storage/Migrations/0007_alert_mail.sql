-- Alerts are mailed to officials once: notified_at is set when the mail went out. The daily digest is sent once a day.
alter table hub.alerts add column notified_at timestamptz;
-- Alerts raised before mail existed are not mailed now.
update hub.alerts set notified_at = raised_at;
create index alerts_unsent on hub.alerts (id) where notified_at is null;
create table hub.alert_digests (
    day date primary key,
    sent_at timestamptz not null,
    alert_count int not null
);
