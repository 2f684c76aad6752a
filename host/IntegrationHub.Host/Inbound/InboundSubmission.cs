namespace IntegrationHub.Host.Inbound;

/// <summary>A validated message waiting to be stored.</summary>
/// <param name="PayloadJson">The <c>data</c> object as sent.</param>
/// <param name="PayloadHash">SHA-256 of type and payload: a repeated message id with other content is a conflict, not a repeat.</param>
/// <param name="TraceParent">The trace context of the push (continuing the partner's traceparent), kept with the message.</param>
/// <param name="Signature">The request's signature headers (<see cref="InboundCaller.Signature"/>), kept as evidence.</param>
public sealed record InboundSubmission(
    string PartnerId,
    string MessageType,
    string MessageId,
    string? BusinessKey,
    string PayloadJson,
    byte[] PayloadHash,
    string Nonce,
    string? TraceParent = null,
    string? Signature = null);
