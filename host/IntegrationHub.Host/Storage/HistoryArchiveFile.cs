namespace IntegrationHub.Host.Storage;

/// <summary>A file of an archive as its manifest lists it: gzip-compressed JSON lines, one message a line.</summary>
public sealed record HistoryArchiveFile(string Name, string Sha256, long Bytes, long Messages, long Deliveries, long Steps);
