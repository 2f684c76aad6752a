using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Enrichment;

/// <summary>The registered enrichers by name.</summary>
public sealed class MessageEnrichers(IEnumerable<IMessageEnricher> enrichers)
{
    private readonly Dictionary<string, IMessageEnricher> _byName = enrichers.ToDictionary(e => e.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IMessageEnricher? Find(string? name) => name is not null && _byName.TryGetValue(name, out var enricher) ? enricher : null;
}
