namespace IntegrationHub.Connectors.IGate;

/// <summary>A snapshot of what one of the iGate sandbox's write streams (payments, evaluations) was sent and applied.</summary>
/// <param name="BatchRequests">Authenticated, readable batch calls received.</param>
/// <param name="ItemsReceived">Items in those calls, whatever became of them.</param>
/// <param name="TotalAppliedWrites">Items applied (created, updated or unchanged): not duplicates, not rejected.</param>
/// <param name="DuplicatesIgnored">Items whose idempotency key had been applied before.</param>
/// <param name="MaxWritesPerKey">Most applied writes of one business key (MaThamChieu for payments, MaHoSo for
/// evaluations); 1 when each was written exactly once, 0 when nothing was.</param>
public sealed record IGateWriteStats(
    int BatchRequests,
    int ItemsReceived,
    int TotalAppliedWrites,
    int DuplicatesIgnored,
    int Rejected,
    int MaxWritesPerKey,
    IReadOnlyList<string> KeysWrittenMoreThanOnce);
