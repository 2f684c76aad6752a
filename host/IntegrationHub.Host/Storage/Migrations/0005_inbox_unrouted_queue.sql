-- Inbox rows are never rewritten after they are acknowledged: what the router has still to take is a narrow queue
-- beside them (routing deletes a small row instead of rewriting a message and its indexes; its size is the inbox
-- depth back-pressure reads). The payload is kept as the gateway-validated JSON text and parsed into jsonb only when
-- routed into a flow. The receipt id needs no index: nothing looks messages up by it, and UUIDv7s do not repeat.
create table hub.inbox_unrouted (
    inbox_id bigint primary key
);
insert into hub.inbox_unrouted (inbox_id) select id from hub.inbox where state = 'received';

drop index hub.inbox_received;
alter table hub.inbox drop column state, drop column routed_at;
alter table hub.inbox drop constraint inbox_receipt_id_key;
alter table hub.inbox alter column payload type text using payload::text;

-- The key that orders a message among its record's in its flow, when it is not the business key (a dossier's
-- payments are separate records, all found by MaHoSo).
alter table hub.inbox add column record_key text;
