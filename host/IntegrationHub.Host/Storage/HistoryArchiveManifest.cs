namespace IntegrationHub.Host.Storage;

/// <summary>What an archive holds (<c>&lt;partition&gt;-&lt;generation&gt;.manifest.json</c>), written last and atomically:
/// an archive without its manifest does not exist. The checksums and counts let anyone verify it, without the hub.</summary>
public sealed record HistoryArchiveManifest(
    string Archive,
    string Partition,
    int Generation,
    long FromId,
    long ToId,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<HistoryArchiveFile> Files)
{
    public long Messages => Files.Sum(f => f.Messages);

    public long Deliveries => Files.Sum(f => f.Deliveries);

    public long Steps => Files.Sum(f => f.Steps);
}
