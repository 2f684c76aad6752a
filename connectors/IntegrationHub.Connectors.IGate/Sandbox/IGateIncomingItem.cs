using System.Text.Json.Nodes;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>One item of a batch as the sandbox received it, before validation (either part may be missing).</summary>
/// <param name="Body">The item's object: "procedure", "payment" or "evaluation", after the stream.</param>
internal sealed record IGateIncomingItem(string? IdempotencyKey, JsonObject? Body);
