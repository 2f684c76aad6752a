namespace IntegrationHub.Host.Storage;

/// <summary>One archived message as a JSON line (the message, its deliveries and its log), with what it holds counted for
/// the manifest.</summary>
public sealed record HistoryArchiveLine(long MessageId, string Json, int Deliveries, int Steps);
