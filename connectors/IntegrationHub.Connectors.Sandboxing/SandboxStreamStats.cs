namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>What one write stream of a sandbox was sent and what it applied (<c>GET /sandbox/stats</c>, under
/// <c>streams</c>). Written twice, a batch shows twice its size in <see cref="Received"/> and once in
/// <see cref="KeysApplied"/>.</summary>
/// <param name="Received">Writes received (items of a batch count one each), whatever became of them.</param>
/// <param name="Applied">Writes that changed the sandbox's state.</param>
/// <param name="KeysApplied">Distinct idempotency keys applied.</param>
/// <param name="Repeated">Writes applied before (same key, or same content), which changed nothing.</param>
/// <param name="Refused">Writes the sandbox refused.</param>
public sealed record SandboxStreamStats(int Received, int Applied, int KeysApplied, int Repeated, int Refused);
