using System.Globalization;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Calendar;

namespace IntegrationHub.Host.Sla;

/// <summary>The SLAs of <c>Flows:{id}:Sla</c> (one object, or an array of them: a flow can answer for several levels),
/// parsed once; <see cref="Problems"/> is reported at start by the configuration validator, so an SLA is never evaluated
/// before it passed. The calendar is the flow's <c>Flows:{id}:Calendar</c> when that is a working-day calendar, else
/// <c>working-days</c>: an SLA counted over weekends and holidays would not be the figure the ministry scores.</summary>
public sealed class FlowSlas
{
    private const int MaxWorkingHours = 24 * 40;
    private readonly List<FlowSla> _slas = [];
    private readonly List<string> _problems = [];
    private readonly HashSet<string> _reconciledSources;

    /// <param name="reconciledSources">The modules' sources that can tell when a day was reconciled (for <c>reconciled-by</c>).</param>
    public FlowSlas(IConfiguration configuration, IEnumerable<IReconciledSource> reconciledSources)
    {
        _reconciledSources = reconciledSources.Select(s => $"{s.ConnectorId}:{s.Stream}").ToHashSet(StringComparer.Ordinal);
        foreach (var flow in configuration.GetSection("Flows").GetChildren())
        {
            var section = flow.GetSection("Sla");
            if (section.Exists() && flow.GetValue("Enabled", true))
            {
                ParseFlow(flow, section);
            }
        }
    }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Valid SLAs of enabled flows, by flow id, then in the order configured.</summary>
    public IReadOnlyList<FlowSla> All => _slas;

    /// <summary>The flow's valid SLAs, in the order configured; empty when it has none.</summary>
    public IReadOnlyList<FlowSla> Of(string flowId) => _slas.Where(s => s.FlowId == flowId).ToList();

    private void ParseFlow(IConfigurationSection flow, IConfigurationSection section)
    {
        // Configuration binds a JSON array as children "0", "1", ...
        var children = section.GetChildren().ToList();
        var isArray = children.Count > 0 && children.All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        var entries = isArray
            ? children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)).Select(c => (Section: c, Prefix: $"Flows:{flow.Key}:Sla:{c.Key}")).ToList()
            : [(section, $"Flows:{flow.Key}:Sla")];
        var parsed = new List<FlowSla>();
        foreach (var (entry, prefix) in entries)
        {
            if (Parse(flow, entry, prefix) is not { } sla)
            {
                continue;
            }

            if (parsed.Any(p => p.Kind == sla.Kind && p.Target == sla.Target))
            {
                _problems.Add($"{prefix}: the flow already has this SLA ({sla.Kind} {sla.Target}); each of a flow's SLAs must differ.");
                continue;
            }

            parsed.Add(sla);
        }

        // Two SLAs of one kind would share their alerts' references: those name the SLA too.
        _slas.AddRange(parsed.Select(s => parsed.Count(p => p.Kind == s.Kind) > 1 ? s with { AlertKey = $"{s.FlowId}:{s.Target}" } : s));
    }

    private FlowSla? Parse(IConfigurationSection flow, IConfigurationSection section, string prefix)
    {
        var flowId = flow.Key;
        var known = new HashSet<string>(["Kind", "WorkingHours", "At", "Enabled"], StringComparer.OrdinalIgnoreCase);
        foreach (var unknown in section.GetChildren().Where(c => !known.Contains(c.Key)))
        {
            _problems.Add($"{prefix}:{unknown.Key} is not an SLA setting (Kind, WorkingHours, At, Enabled).");
        }

        // Enabled false keeps a shipped SLA in the file but off (e.g. where the hub does not answer for that figure).
        var on = true;
        if (section["Enabled"] is { } enabled && !bool.TryParse(enabled, out on))
        {
            _problems.Add($"{prefix}:Enabled '{enabled}' must be true or false.");
            return null;
        }

        if (!on)
        {
            return null;
        }

        // all-days is no calendar of working time; the validator checks other names (Flows:{id}:Calendar).
        var calendar = flow["Calendar"] is { Length: > 0 } named && named != WorkingCalendars.AllDaysName ? named : WorkingCalendars.WorkingDaysName;
        var source = flow["Source"] ?? "";
        switch (section["Kind"])
        {
            case FlowSla.DeliveredWithin:
                if (!decimal.TryParse(section["WorkingHours"], NumberStyles.Number, CultureInfo.InvariantCulture, out var hours) || hours <= 0 || hours > MaxWorkingHours)
                {
                    _problems.Add($"{prefix}:WorkingHours '{section["WorkingHours"]}' must be a number of working hours greater than 0 and at most {MaxWorkingHours} (e.g. 2 or 0.5).");
                }
                else if (section["At"] is not null)
                {
                    _problems.Add($"{prefix}:At belongs to Kind {FlowSla.RunBy} or {FlowSla.ReconciledBy}, not {FlowSla.DeliveredWithin}.");
                }
                else
                {
                    return new FlowSla(flowId, FlowSla.DeliveredWithin, TimeSpan.FromHours((double)hours), default, calendar) { Source = source };
                }

                break;
            case FlowSla.RunBy or FlowSla.ReconciledBy:
                var kind = section["Kind"]!;
                if (!TimeOnly.TryParseExact(section["At"], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    _problems.Add($"{prefix}:At '{section["At"]}' must be a local time HH:mm (e.g. 08:00).");
                }
                else if (section["WorkingHours"] is not null)
                {
                    _problems.Add($"{prefix}:WorkingHours belongs to Kind {FlowSla.DeliveredWithin}, not {kind}.");
                }
                else if (kind == FlowSla.RunBy && string.IsNullOrWhiteSpace(flow["Schedule"]))
                {
                    // A pushed flow runs as messages arrive: it has no runs to be due.
                    _problems.Add($"{prefix}: Kind {FlowSla.RunBy} needs a scheduled flow; {flowId} runs as messages are pushed (use {FlowSla.DeliveredWithin}).");
                }
                else if (kind == FlowSla.ReconciledBy && !_reconciledSources.Contains(source))
                {
                    var which = _reconciledSources.Count == 0 ? "none is installed" : $"those that do: {string.Join(", ", _reconciledSources.Order(StringComparer.Ordinal))}";
                    _problems.Add($"{prefix}: Kind {FlowSla.ReconciledBy} needs a source that tells when each day was reconciled; {flowId}'s source '{source}' does not ({which}).");
                }
                else
                {
                    return new FlowSla(flowId, kind, TimeSpan.Zero, at, calendar) { Source = source };
                }

                break;
            default:
                _problems.Add($"{prefix}:Kind '{section["Kind"]}' must be {FlowSla.DeliveredWithin} (with WorkingHours), {FlowSla.RunBy} (with At) or {FlowSla.ReconciledBy} (with At).");
                break;
        }

        return null;
    }
}
