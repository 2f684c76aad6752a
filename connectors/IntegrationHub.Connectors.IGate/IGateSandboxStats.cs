namespace IntegrationHub.Connectors.IGate;

/// <summary>A snapshot of what the iGate sandbox has been sent and what it applied.</summary>
/// <param name="BatchRequests">Authenticated, readable batch calls received.</param>
/// <param name="ItemsReceived">Items in those calls, whatever became of them.</param>
/// <param name="TotalAppliedWrites">Items applied (created, updated or unchanged): not duplicates, not rejected.</param>
/// <param name="DuplicatesIgnored">Items whose idempotency key had been applied before.</param>
/// <param name="MaxWritesPerCode">0 when nothing was written; 1 when every procedure was written exactly once.</param>
public sealed record IGateSandboxStats(
    int BatchRequests,
    int ItemsReceived,
    int TotalAppliedWrites,
    int DistinctProcedures,
    int DuplicatesIgnored,
    int Rejected,
    int MaxWritesPerCode,
    IReadOnlyList<string> CodesWrittenMoreThanOnce);
