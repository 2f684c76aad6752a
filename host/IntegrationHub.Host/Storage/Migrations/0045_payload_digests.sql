-- The evidence of a received message names its payload by the SHA-256 of the PLAINTEXT (README "Evidence log": the
-- canonical JSON of the payload with its personal ids decrypted), taken by the hub when it stores the message, before
-- the ids are encrypted. Rotation can then re-encrypt stored payloads without touching the evidence, and an inspector
-- holding the document can match the hash.
--
-- payload_sha256: that hash (null for messages stored before this migration, whose evidence hashed the stored text).
-- stored_payload_sha256: for those older messages, the hash their evidence holds (of PostgreSQL's text of the payload
-- as it was stored), kept by the personal-data rewrite before it re-encrypts the payload; it then fills payload_sha256
-- too, from the decrypted payload, so the payload is checked from then on.
alter table hub.messages add column payload_sha256 bytea;
alter table hub.messages add column stored_payload_sha256 bytea;

-- A pushed message's plaintext hash, taken when the inbox stores it (its payload encrypted from then on), and carried
-- to the messages routed from it. hub.inbox.payload_sha256 stays the hash of the body as the partner sent it.
alter table hub.inbox add column payload_canonical_sha256 bytea;
