namespace IntegrationHub.Host.Evidence;

/// <summary>A received message as stored: its identity and the SHA-256 of its payload (PostgreSQL's text of the jsonb).</summary>
public sealed record EvidenceMessage(string FlowId, string RecordKey, string BusinessKey, string Version, DateTimeOffset ReceivedAt, long? RunId, byte[] PayloadSha256);
