using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Configuration;

/// <summary>The flows of <c>Flows:*</c> in config, after <see cref="HubConfigurationValidator"/> accepted them.</summary>
public sealed class FlowCatalog
{
    public FlowCatalog(IConfiguration configuration, HubSchedulingOptions scheduling)
    {
        Options = configuration.GetSection("Flows").GetChildren()
            .ToDictionary(s => s.Key, s => s.Get<FlowOptions>() ?? new FlowOptions(), StringComparer.Ordinal);
        DefaultTimeZone = scheduling.DefaultTimeZone;
    }

    public IReadOnlyDictionary<string, FlowOptions> Options { get; }

    public string DefaultTimeZone { get; }

    /// <summary>Enabled flows; call only after validation.</summary>
    public IReadOnlyList<FlowDefinition> Flows => Options
        .Where(kv => kv.Value.Enabled)
        .Select(kv => ToDefinition(kv.Key, kv.Value))
        .ToList();

    public FlowDefinition? Find(string flowId) =>
        Options.TryGetValue(flowId, out var options) && options.Enabled ? ToDefinition(flowId, options) : null;

    private FlowDefinition ToDefinition(string id, FlowOptions options)
    {
        StreamRef.TryParse(options.Source, out var source);
        var destinations = options.Destinations.Select(d =>
        {
            StreamRef.TryParse(d, out var destination);
            return destination!;
        }).ToList();
        return new FlowDefinition(id, source!, destinations, options.Schedule ?? string.Empty,
            string.IsNullOrWhiteSpace(options.TimeZone) ? DefaultTimeZone : options.TimeZone, options.RunOnStart);
    }
}
