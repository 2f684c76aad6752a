using System.Text.Json.Nodes;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>One item of a batch as the sandbox received it, before validation (either part may be missing).</summary>
internal sealed record IGateIncomingItem(string? IdempotencyKey, JsonObject? Procedure);
