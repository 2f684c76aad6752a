using System.Globalization;
using IntegrationHub.Host.Configuration;

namespace IntegrationHub.Host.Maintenance;

/// <summary>A recurring window parsed from <see cref="RecurringMaintenanceOptions"/>: starts at <see cref="Start"/> local
/// time on its days, ends at <see cref="End"/> the same day or, when the end is not after the start, the next day.</summary>
public sealed class RecurringMaintenanceWindow
{
    private static readonly Dictionary<string, DayOfWeek> DayNames = BuildDayNames();

    private RecurringMaintenanceWindow(string connectorId, IReadOnlySet<DayOfWeek>? days, TimeOnly start, TimeOnly end, string reason)
    {
        ConnectorId = connectorId;
        Days = days;
        Start = start;
        End = end;
        Reason = reason;
    }

    public string ConnectorId { get; }

    /// <summary>The days the window starts on; null for every day.</summary>
    public IReadOnlySet<DayOfWeek>? Days { get; }

    public TimeOnly Start { get; }

    public TimeOnly End { get; }

    public string Reason { get; }

    public bool CrossesMidnight => End <= Start;

    /// <summary>Parses one configured window; a disabled one gives null and no problem.</summary>
    /// <param name="name">How the startup error names it: <c>Connectors:national-portal:Maintenance:0</c>.</param>
    public static RecurringMaintenanceWindow? Parse(string connectorId, string name, RecurringMaintenanceOptions options, ICollection<string> problems)
    {
        if (!options.Enabled)
        {
            return null;
        }

        var found = new List<string>();
        HashSet<DayOfWeek>? days = null;
        foreach (var day in options.Days.Select(d => d.Trim()))
        {
            if (day.Equals("Daily", StringComparison.OrdinalIgnoreCase))
            {
                days = [.. Enum.GetValues<DayOfWeek>()];
            }
            else if (DayNames.TryGetValue(day, out var known))
            {
                (days ??= []).Add(known);
            }
            else
            {
                found.Add($"Days: '{day}' is not a day of the week (Monday or Mon ... Sunday or Sun, or Daily)");
            }
        }

        var start = ParseTime(options.Start, "Start", found);
        var end = ParseTime(options.End, "End", found);
        if (start is not null && start == end)
        {
            found.Add("Start and End are equal: a window needs a length (an End before the Start crosses midnight)");
        }

        if (string.IsNullOrWhiteSpace(options.Reason))
        {
            found.Add("Reason is required (it is shown to operators while the window lasts)");
        }

        foreach (var problem in found)
        {
            problems.Add($"{name} of connector '{connectorId}': {problem}.");
        }

        return found.Count > 0 || start is null || end is null
            ? null
            : new RecurringMaintenanceWindow(connectorId, days is null || days.Count == 7 ? null : days, start.Value, end.Value, options.Reason.Trim());
    }

    /// <summary>The occurrence that covers <paramref name="now"/>, else the next one to start.</summary>
    public MaintenanceWindow OccurrenceAt(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        // From yesterday (a window across midnight that started then may still last) to a week on.
        for (var offset = -1; offset <= 8; offset++)
        {
            var day = today.AddDays(offset);
            if (Days is not null && !Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var from = ToUtc(day.ToDateTime(Start), zone);
            var to = ToUtc((CrossesMidnight ? day.AddDays(1) : day).ToDateTime(End), zone);
            if (to > now)
            {
                return new MaintenanceWindow(ConnectorId, from, to, Reason, MaintenanceWindow.Recurring);
            }
        }

        throw new InvalidOperationException($"No occurrence of the maintenance window of '{ConnectorId}' within a week.");
    }

    /// <summary>A local time skipped by a daylight-saving change is taken an hour later (Vietnam has none; other zones may).</summary>
    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeOnly? ParseTime(string value, string field, List<string> found)
    {
        if (TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        found.Add($"{field} '{value}' is not a local time HH:mm");
        return null;
    }

    private static Dictionary<string, DayOfWeek> BuildDayNames()
    {
        var names = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase);
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            names[day.ToString()] = day;
            names[day.ToString()[..3]] = day;
        }

        return names;
    }
}
