using System.Collections.Concurrent;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Calendar;

/// <summary>The hub's working-day calendars (one service for all features): <see cref="WorkingDays"/>, the national
/// calendar of civil servants (Monday–Friday, holidays of the Labour Code 2019 art. 112 and each year's decision from
/// <c>Hub:Calendar:Years</c>), and the named calendars of <c>Hub:Calendar:Named</c>, which build on it. Options are
/// validated at start (<see cref="CalendarOptions.Problems"/>) before this is used.</summary>
public sealed class WorkingCalendars
{
    public const string WorkingDaysName = "working-days";
    public const string AllDaysName = "all-days";

    private static readonly (TimeOnly, TimeOnly)[] DefaultOfficeHours = [(new(7, 30), new(11, 30)), (new(13, 0), new(17, 0))];

    private readonly CalendarOptions _options;
    private readonly VietnameseLunarCalendar _lunar;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, CalendarDay>> _years = new();
    private readonly Dictionary<string, WorkingCalendar> _calendars = new(StringComparer.Ordinal);

    public WorkingCalendars(IOptions<HubOptions> options, VietnameseLunarCalendar lunar, TimeProvider timeProvider)
    {
        _options = options.Value.Calendar;
        _lunar = lunar;
        _timeProvider = timeProvider;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.Scheduling.DefaultTimeZone);
        var hours = _options.OfficeHours.Count == 0
            ? DefaultOfficeHours
            : _options.OfficeHours.Select(h => CalendarOptions.TryParseOfficeHours(h, out var start, out var end) ? (start, end) : default).ToArray();
        WorkingDays = new WorkingCalendar(WorkingDaysName, Year, new HashSet<DateOnly>(), worksSaturdays: false, hours, Zone);
        _calendars[WorkingDaysName] = WorkingDays;
        foreach (var (name, named) in _options.Named)
        {
            _calendars[name] = new WorkingCalendar(name, Year, DaysOff(named.DaysOff), named.WorksSaturdays, hours, Zone);
        }
    }

    public WorkingCalendar WorkingDays { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary><see cref="WorkingDaysName"/> and the named calendars (not <see cref="AllDaysName"/>, which is no calendar).</summary>
    public IReadOnlyCollection<string> Names => _calendars.Keys;

    /// <summary>Today in the hub's zone, from the injected clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_timeProvider.GetUtcNow(), Zone).DateTime);

    public WorkingCalendar? Find(string name) => _calendars.GetValueOrDefault(name);

    public static bool IsSupportedYear(int year) => year is >= CalendarOptions.FirstYear and <= CalendarOptions.LastYear;

    private IReadOnlyDictionary<DateOnly, CalendarDay> Year(int year)
    {
        if (!IsSupportedYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The working-day calendar covers {CalendarOptions.FirstYear}–{CalendarOptions.LastYear}.");
        }

        return _years.GetOrAdd(year, y => NationalYear.Build(y, _options.Years.GetValueOrDefault(y.ToString(System.Globalization.CultureInfo.InvariantCulture)), _lunar));
    }

    private static HashSet<DateOnly> DaysOff(IEnumerable<CalendarDaysOffOptions> entries) => entries.SelectMany(e => e.Days()).ToHashSet();
}
