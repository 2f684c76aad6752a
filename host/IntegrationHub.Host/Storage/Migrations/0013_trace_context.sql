-- Telemetry: each message carries the W3C trace context (traceparent) of the span that made it (its read by a flow
-- run, or its routing out of the inbox, which continues the partner's trace of the push). Delivery jobs run later, in
-- another thread or host, and start their spans as children of it, so a message's whole life is one trace; its history
-- shows the trace id. A pushed message keeps the request's context in the inbox until the router takes it.
-- Nullable and without a default: adding them rewrites nothing, and messages stored before simply have none.
alter table hub.inbox add column trace_parent text;
alter table hub.messages add column trace_parent text;
