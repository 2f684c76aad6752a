using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Inbound;

/// <summary>Which inbox sources (<c>partner:messageType</c> or connector inbound stream) the router handles. Config does
/// not change while the hub runs, so this is worked out once instead of every cycle.</summary>
public sealed class InboxSources(FlowCatalog flows, ConnectorCatalog connectors, IOptions<InboundOptions> options)
{
    private readonly Lazy<Resolved> _resolved = new(() => Resolve(flows, connectors, options.Value));

    /// <summary>Enabled flows whose source is pushed to the hub.</summary>
    public IReadOnlyList<FlowDefinition> Inbound => _resolved.Value.Inbound;

    /// <summary>Sources some enabled flow reads.</summary>
    public IReadOnlySet<string> Routable => _resolved.Value.Routable;

    /// <summary>Sources the router may take off the queue: every configured <c>partner:messageType</c> and connector
    /// inbound stream, except those of a configured but disabled flow (their messages wait until it is enabled again;
    /// so do messages of sources no longer configured at all).</summary>
    public IReadOnlyList<string> Takeable => _resolved.Value.Takeable;

    /// <summary>Sources whose waiting messages mean routing is behind: taken by the router and read by a flow. Messages
    /// of a disabled flow wait by design, and those no flow reads leave the queue without becoming messages.</summary>
    public IReadOnlyList<string> Awaited => _resolved.Value.Awaited;

    private static Resolved Resolve(FlowCatalog flows, ConnectorCatalog connectors, InboundOptions options)
    {
        var inbound = flows.Flows.Where(FlowCatalog.IsInbound).ToList();
        var routable = inbound.Select(f => f.Source.ToString()).ToHashSet(StringComparer.Ordinal);
        var held = flows.Options.Where(o => !o.Value.Enabled && o.Value.Source is not null && string.IsNullOrEmpty(o.Value.Schedule))
            .Select(o => o.Value.Source!).Where(source => !routable.Contains(source));
        var known = options.Partners.Where(p => p.Value.Enabled).SelectMany(p => p.Value.MessageTypes.Keys.Select(type => $"{p.Key}:{type}"))
            .Concat(connectors.Registrations.SelectMany(r => connectors.Get(r.Id).Spec.Streams
                .Where(s => s.Direction.HasFlag(StreamDirection.Inbound)).Select(s => $"{r.Id}:{s.Name}")));
        var takeable = known.Distinct(StringComparer.Ordinal).Except(held).Order(StringComparer.Ordinal).ToList();
        return new Resolved(inbound, routable, takeable, takeable.Where(routable.Contains).ToList());
    }

    private sealed record Resolved(IReadOnlyList<FlowDefinition> Inbound, HashSet<string> Routable, IReadOnlyList<string> Takeable, IReadOnlyList<string> Awaited);
}
