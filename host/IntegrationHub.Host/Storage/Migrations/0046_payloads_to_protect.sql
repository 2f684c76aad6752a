-- Payloads stored before the hub encrypted personal ids (migration 0041) are still in clear, and payloads stored
-- before 0045 have no plaintext hash. PersonalDataClearRowsJob encrypts and hashes them once, in the background,
-- through these indexes of the rows left: a message is done once stored_payload_sha256 or payload_sha256 is set, an
-- inbox row once payload_canonical_sha256 is. Empty once done, so the check at each start costs nothing.
create index messages_payload_to_protect on hub.messages (id) where payload_sha256 is null and stored_payload_sha256 is null;
create index inbox_payload_to_protect on hub.inbox (id) where payload_canonical_sha256 is null;
