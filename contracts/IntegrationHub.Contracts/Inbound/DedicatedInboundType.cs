namespace IntegrationHub.Contracts.Inbound;

/// <summary>A message type partners send to a module's own endpoint (read with <see cref="IHubInbound"/>), never to the
/// inbox. Register it as a singleton service; the inbound API (REST and SOAP) then refuses the type with
/// <c>404 unknown_message_type</c>: "{MessageType} is sent to {Path}, which {Purpose}."</summary>
/// <example><c>new DedicatedInboundType("payment-init", "/api/payments/init/{partner}", "answers the payment URL")</c></example>
public sealed record DedicatedInboundType(string MessageType, string Path, string Purpose);
