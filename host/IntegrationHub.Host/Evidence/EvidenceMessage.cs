namespace IntegrationHub.Host.Evidence;

/// <summary>A received message as stored: its identity and the SHA-256 of its payload: of its plaintext's canonical JSON (<see cref="PayloadDigest"/>), or for a message stored before migration 0045 of PostgreSQL's text of the jsonb.</summary>
public sealed record EvidenceMessage(string FlowId, string RecordKey, string BusinessKey, string Version, DateTimeOffset ReceivedAt, long? RunId, byte[] PayloadSha256);
