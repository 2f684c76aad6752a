-- The evidence of a push (issue 15): the request's signature as the partner sent it (method, path, timestamp, nonce,
-- the signature and the SHA-256 of the body it covers), kept with the message as received, so that the "received" line of
-- the evidence log carries it and anyone holding the partner's secret can recompute the HMAC.
alter table hub.inbox add column signature jsonb;
