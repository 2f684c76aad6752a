using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Configuration;

/// <summary>The flows of <c>Flows:*</c> in config, after <see cref="HubConfigurationValidator"/> accepted them.</summary>
public sealed class FlowCatalog
{
    private readonly Dictionary<string, FlowFilter> _filters;

    public FlowCatalog(IConfiguration configuration, HubSchedulingOptions scheduling)
    {
        Options = configuration.GetSection("Flows").GetChildren()
            .ToDictionary(s => s.Key, s => s.Get<FlowOptions>() ?? new FlowOptions(), StringComparer.Ordinal);
        // Problems are the validator's to report (it parses the same sections); a flow is not run before it passed.
        _filters = configuration.GetSection("Flows").GetChildren()
            .ToDictionary(s => s.Key, s => FlowFilter.Parse(s.GetSection("Filter"), new List<string>()), StringComparer.Ordinal);
        DefaultTimeZone = scheduling.DefaultTimeZone;
    }

    public IReadOnlyDictionary<string, FlowOptions> Options { get; }

    public string DefaultTimeZone { get; }

    /// <summary>Enabled flows; call only after validation.</summary>
    public IReadOnlyList<FlowDefinition> Flows => Options
        .Where(kv => kv.Value.Enabled)
        .Select(kv => ToDefinition(kv.Key, kv.Value))
        .ToList();

    /// <summary>Enabled flows reading <paramref name="source"/> (<c>connector:stream</c> or <c>partner:messageType</c>).</summary>
    public IReadOnlyList<FlowDefinition> FromSource(string source) => Flows.Where(f => f.Source.ToString() == source).ToList();

    /// <summary>A flow whose source is pushed to the hub has no schedule (validation makes sure of it): it runs as messages arrive.</summary>
    public static bool IsInbound(FlowDefinition flow) => flow.Schedule.Length == 0;

    /// <summary>The records <paramref name="flowId"/> makes messages of (<c>Flows:{id}:Filter</c>).</summary>
    public FlowFilter Filter(string flowId) => _filters.GetValueOrDefault(flowId) ?? FlowFilter.None;

    /// <summary><c>Flows:{id}:Calendar</c>, <c>all-days</c> when not set.</summary>
    public string CalendarOf(string flowId) =>
        Options.GetValueOrDefault(flowId)?.Calendar is { Length: > 0 } calendar ? calendar : "all-days";

    /// <summary><c>Flows:{id}:Misfire</c>, <c>fire-once-now</c> when not set.</summary>
    public string MisfireOf(string flowId) =>
        Options.GetValueOrDefault(flowId)?.Misfire is { Length: > 0 } misfire ? misfire : "fire-once-now";

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
