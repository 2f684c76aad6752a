namespace IntegrationHub.Host.Sla;

/// <summary>A calendar's office time over a span of local days, as PostgreSQL needs it to count SLAs itself: per day its
/// date, whether it is a working day and the office time (in ticks) from the span's first day up to the day's start. The
/// office time up to an instant is then its day's figure plus the office time of that day before its local time of day
/// (<see cref="Position"/>; the SLA query computes the same in SQL). A record is on time when the office time between
/// its read and its delivery is within the SLA, which is exactly <c>delivered &lt;= AddWorkingHours(read, sla)</c>, see
/// <see cref="IsWithin"/>.</summary>
public sealed class OfficeTimeTable
{
    private readonly Dictionary<DateOnly, int> _index = [];

    public OfficeTimeTable(Calendar.WorkingCalendar calendar, DateOnly first, DateOnly last)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        Zone = calendar.Zone;
        OfficeStarts = calendar.OfficeHours.Select(h => h.Start.Ticks).ToArray();
        OfficeEnds = calendar.OfficeHours.Select(h => h.End.Ticks).ToArray();
        var perWorkingDay = calendar.OfficeHours.Sum(h => (h.End - h.Start).Ticks);
        var count = last.DayNumber - first.DayNumber + 1;
        var days = new DateOnly[count];
        var working = new bool[count];
        var before = new long[count];
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            days[i] = first.AddDays(i);
            working[i] = calendar.IsWorkingDay(days[i]);
            before[i] = total;
            total += working[i] ? perWorkingDay : 0;
            _index[days[i]] = i;
        }

        Days = days;
        Working = working;
        OfficeTimeBefore = before;
    }

    /// <summary>Office time given to an instant after the last day: more than any of the span's.</summary>
    public const long AfterLast = long.MaxValue;

    /// <summary>Office time given to an instant before the first day: less than any of the span's.</summary>
    public const long BeforeFirst = -1;

    public TimeZoneInfo Zone { get; }

    /// <summary>What PostgreSQL's <c>at time zone</c> gets: the zone's fixed UTC offset (an interval) when it does not
    /// change within two days of the span, as in Vietnam (much cheaper per row than a named zone, and the same local time);
    /// otherwise the zone's IANA name. Instants further out are before or after every day either way.</summary>
    public object ZoneForSql
    {
        get
        {
            var start = new DateTimeOffset(First.AddDays(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var end = new DateTimeOffset(Last.AddDays(3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var offset = Zone.GetUtcOffset(start);
            for (var at = start; at <= end; at = at.AddHours(1))
            {
                if (Zone.GetUtcOffset(at) != offset)
                {
                    return Zone.HasIanaId ? Zone.Id
                        : TimeZoneInfo.TryConvertWindowsIdToIanaId(Zone.Id, out var iana) ? iana
                        : throw new InvalidOperationException($"Time zone '{Zone.Id}' has no IANA name PostgreSQL would know.");
                }
            }

            return offset;
        }
    }

    public IReadOnlyList<DateOnly> Days { get; }

    public IReadOnlyList<bool> Working { get; }

    /// <summary>Per day, the office time (ticks) of the span's days before it.</summary>
    public IReadOnlyList<long> OfficeTimeBefore { get; }

    /// <summary>Office hours' starts and ends, as ticks since midnight.</summary>
    public IReadOnlyList<long> OfficeStarts { get; }

    public IReadOnlyList<long> OfficeEnds { get; }

    public DateOnly First => Days[0];

    public DateOnly Last => Days[^1];

    /// <summary>Office time (ticks) from the span's start to <paramref name="at"/>, and whether <paramref name="at"/> ends a
    /// stretch of office time (it is in an office interval, its start excluded, its end included, of a working day).</summary>
    public (long OfficeTime, bool EndsOfficeTime) Position(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone).DateTime;
        if (!_index.TryGetValue(DateOnly.FromDateTime(local), out var i))
        {
            return (DateOnly.FromDateTime(local) < First ? BeforeFirst : AfterLast, false);
        }

        if (!Working[i])
        {
            return (OfficeTimeBefore[i], false);
        }

        var time = local.TimeOfDay.Ticks;
        var within = 0L;
        var ends = false;
        for (var h = 0; h < OfficeStarts.Count; h++)
        {
            within += Math.Clamp(time - OfficeStarts[h], 0, OfficeEnds[h] - OfficeStarts[h]);
            ends |= time > OfficeStarts[h] && time <= OfficeEnds[h];
        }

        return (OfficeTimeBefore[i] + within, ends);
    }

    /// <summary>Whether an instant at <paramref name="reached"/> is no later than <c>AddWorkingHours(read, sla)</c>, from
    /// their positions. The deadline is the first instant whose office time reaches read's plus the SLA; after it the
    /// office time stands still until the next office hours, so an instant with exactly that office time is on time only
    /// when it is the deadline itself: it ends a stretch of office time (or the SLA is zero: then the deadline is the next
    /// office time, the end of the still stretch).</summary>
    public static bool IsWithin(long read, (long OfficeTime, bool EndsOfficeTime) reached, long sla) =>
        reached.OfficeTime < read + sla || (reached.OfficeTime == read + sla && (sla == 0 || reached.EndsOfficeTime));
}
