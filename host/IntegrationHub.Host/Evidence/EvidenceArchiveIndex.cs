namespace IntegrationHub.Host.Evidence;

/// <summary>The evidence archives read into memory, by link and by log line.</summary>
public sealed class EvidenceArchiveIndex(IEnumerable<ArchivedLink> links)
{
    private readonly Dictionary<(int Chain, long Seq), ArchivedLink> _byLink = links.GroupBy(l => (l.Chain, l.Seq)).ToDictionary(g => g.Key, g => g.Last());

    public static EvidenceArchiveIndex Empty { get; } = new([]);

    public ArchivedLink? Link(int chain, long seq) => _byLink.GetValueOrDefault((chain, seq));

    public IEnumerable<ArchivedLink> OfBusinessKey(string businessKey) => _byLink.Values.Where(l => l.BusinessKey == businessKey);

    public IEnumerable<ArchivedLink> Between(DateTimeOffset from, DateTimeOffset to) => _byLink.Values.Where(l => l.At >= from && l.At < to);
}
