-- Inbox rows are never rewritten after they are acknowledged: what the router has still to take is a narrow queue
-- beside them (routing deletes a small row instead of rewriting a message and its indexes; its size is the inbox
-- depth back-pressure reads). The payload is kept as the gateway-validated JSON text and parsed into jsonb only when
-- routed into a flow. The receipt id needs no index: nothing looks messages up by it, and UUIDv7s do not repeat.
-- The source (partner:messageType) is repeated here so the router can take just the sources it may route now.
create table hub.inbox_unrouted (
    inbox_id bigint primary key,
    source text not null
);
create index inbox_unrouted_by_source on hub.inbox_unrouted (source, inbox_id);
insert into hub.inbox_unrouted (inbox_id, source) select id, partner || ':' || message_type from hub.inbox where state = 'received';

drop index hub.inbox_received;
alter table hub.inbox drop column state, drop column routed_at;
alter table hub.inbox drop constraint inbox_receipt_id_key;
alter table hub.inbox alter column payload type text using payload::text;

-- The key that orders a message among its record's in its flow, when it is not the business key (a dossier's
-- payments are separate records, all found by MaHoSo).
alter table hub.inbox add column record_key text;
