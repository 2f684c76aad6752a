using System.Globalization;
using IntegrationHub.Host.Calendar;

namespace IntegrationHub.Host.Sla;

/// <summary>The SLAs of <c>Flows:{id}:Sla</c>, parsed once; <see cref="Problems"/> is reported at start by the
/// configuration validator, so an SLA is never evaluated before it passed. The calendar is the flow's
/// <c>Flows:{id}:Calendar</c> when that is a working-day calendar, else <c>working-days</c>: an SLA counted over
/// weekends and holidays would not be the figure the ministry scores.</summary>
public sealed class FlowSlas
{
    private const int MaxWorkingHours = 24 * 40;
    private readonly Dictionary<string, FlowSla> _slas = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    public FlowSlas(IConfiguration configuration)
    {
        foreach (var flow in configuration.GetSection("Flows").GetChildren())
        {
            var section = flow.GetSection("Sla");
            if (section.Exists() && flow.GetValue("Enabled", true))
            {
                Parse(flow.Key, section, flow["Calendar"], scheduled: !string.IsNullOrWhiteSpace(flow["Schedule"]));
            }
        }
    }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Valid SLAs, by flow id (enabled flows only).</summary>
    public IReadOnlyCollection<FlowSla> All => _slas.Values;

    public FlowSla? Find(string flowId) => _slas.GetValueOrDefault(flowId);

    private void Parse(string flowId, IConfigurationSection section, string? flowCalendar, bool scheduled)
    {
        var prefix = $"Flows:{flowId}:Sla";
        var known = new HashSet<string>(["Kind", "WorkingHours", "At"], StringComparer.OrdinalIgnoreCase);
        foreach (var unknown in section.GetChildren().Where(c => !known.Contains(c.Key)))
        {
            _problems.Add($"{prefix}:{unknown.Key} is not an SLA setting (Kind, WorkingHours, At).");
        }

        // all-days is no calendar of working time; the validator checks other names (Flows:{id}:Calendar).
        var calendar = flowCalendar is { Length: > 0 } named && named != WorkingCalendars.AllDaysName ? named : WorkingCalendars.WorkingDaysName;
        switch (section["Kind"])
        {
            case FlowSla.DeliveredWithin:
                if (!decimal.TryParse(section["WorkingHours"], NumberStyles.Number, CultureInfo.InvariantCulture, out var hours) || hours <= 0 || hours > MaxWorkingHours)
                {
                    _problems.Add($"{prefix}:WorkingHours '{section["WorkingHours"]}' must be a number of working hours greater than 0 and at most {MaxWorkingHours} (e.g. 2 or 0.5).");
                }
                else if (section["At"] is not null)
                {
                    _problems.Add($"{prefix}:At belongs to Kind {FlowSla.RunBy}, not {FlowSla.DeliveredWithin}.");
                }
                else
                {
                    _slas[flowId] = new FlowSla(flowId, FlowSla.DeliveredWithin, TimeSpan.FromHours((double)hours), default, calendar);
                }

                break;
            case FlowSla.RunBy:
                if (!TimeOnly.TryParseExact(section["At"], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    _problems.Add($"{prefix}:At '{section["At"]}' must be a local time HH:mm (e.g. 08:00).");
                }
                else if (section["WorkingHours"] is not null)
                {
                    _problems.Add($"{prefix}:WorkingHours belongs to Kind {FlowSla.DeliveredWithin}, not {FlowSla.RunBy}.");
                }
                else if (!scheduled)
                {
                    // A pushed flow runs as messages arrive: it has no runs to be due.
                    _problems.Add($"{prefix}: Kind {FlowSla.RunBy} needs a scheduled flow; {flowId} runs as messages are pushed (use {FlowSla.DeliveredWithin}).");
                }
                else
                {
                    _slas[flowId] = new FlowSla(flowId, FlowSla.RunBy, TimeSpan.Zero, at, calendar);
                }

                break;
            default:
                _problems.Add($"{prefix}:Kind '{section["Kind"]}' must be {FlowSla.DeliveredWithin} (with WorkingHours) or {FlowSla.RunBy} (with At).");
                break;
        }
    }
}
