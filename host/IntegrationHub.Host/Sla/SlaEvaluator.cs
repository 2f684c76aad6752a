using System.Globalization;
using IntegrationHub.Host.Calendar;
using Npgsql;

namespace IntegrationHub.Host.Sla;

/// <summary>Evaluates flows' SLAs from the hub's own tables. <c>delivered-within</c>: each message's deadline is its
/// read time (<c>hub.messages.received_at</c>) plus the SLA's working hours on the flow's calendar; it is on time when
/// every delivery is delivered (or skipped by a filter) by then, the last one's <c>updated_at</c> being when it got there.
/// <c>run-by</c>: each working day is due a successful run (<c>hub.flow_runs</c>) ended by the local time given.
/// Reads are bounded by the range asked: messages through <c>messages_by_received</c> (migration 0035) and only the
/// history partitions still open in the range, so years of history cost nothing.</summary>
public sealed class SlaEvaluator(NpgsqlDataSource dataSource, WorkingCalendars calendars, TimeProvider timeProvider)
{
    /// <summary>How far back the continuous check looks for late records: older ones were alerted on in their time.</summary>
    public static readonly TimeSpan LateLookback = TimeSpan.FromDays(31);

    public async Task<SlaReport> ReportAsync(IReadOnlyList<FlowSla> slas, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var flows = new List<FlowSlaReport>();
        foreach (var sla in slas)
        {
            var calendar = CalendarOf(sla);
            var items = sla.Kind == FlowSla.RunBy
                ? (await RunDaysAsync(sla, calendar, from, to, now, cancellationToken)).Select(d => (d.Day, d.Outcome, Count: 1L)).ToList()
                : await MessagesAsync(sla, calendar, Instant(from), Instant(to.AddDays(1)), now, cancellationToken);
            var byDay = items.ToLookup(i => i.Day, i => (i.Outcome, i.Count));
            var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)
                .Select(d => Sum(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), byDay[d]))
                .ToList();
            var months = days.GroupBy(d => d.Period[..7], StringComparer.Ordinal)
                .Select(g => new SlaFigures(g.Key, g.Sum(d => d.Due), g.Sum(d => d.OnTime), g.Sum(d => d.Late),
                    g.Sum(d => d.OpenPastDeadline), g.Sum(d => d.NotYetDue), g.Sum(d => d.Discarded)))
                .ToList();
            flows.Add(new FlowSlaReport(sla.FlowId, sla.Kind, Describe(sla), calendar.Name, days, months));
        }

        return new SlaReport(from, to, now, flows);
    }

    /// <summary>Business keys of the flow's records read within <see cref="LateLookback"/> that are still not at every
    /// destination although their deadline has passed, oldest first. Run every sweep, so it starts from the open
    /// deliveries (a small partial index, <c>deliveries_open_by_record</c>), never from the flow's delivered history.</summary>
    public async Task<IReadOnlyList<string>> LateOpenKeysAsync(FlowSla sla, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var calendar = CalendarOf(sla);
        await using var command = dataSource.CreateCommand("""
            select m.business_key, m.received_at
            from hub.messages m
            where m.id in (select d.message_id from hub.deliveries d where d.flow_id = @flow and d.status in ('pending', 'waiting', 'dead'))
              and m.flow_id = @flow and m.received_at >= @from
            order by m.received_at, m.id
            """);
        command.Parameters.AddWithValue("flow", sla.FlowId);
        command.Parameters.AddWithValue("from", now - LateLookback);
        var late = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (now > calendar.AddWorkingHours(reader.GetFieldValue<DateTimeOffset>(1), sla.WorkingTime) && seen.Add(reader.GetString(0)))
            {
                late.Add(reader.GetString(0));
            }
        }

        return late;
    }

    /// <summary>For <c>run-by</c>: today's deadline when today is a working day, it has passed and no run succeeded today.</summary>
    public async Task<DateTimeOffset?> MissedRunDeadlineAsync(FlowSla sla, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var calendar = CalendarOf(sla);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.Zone).DateTime);
        var outcome = (await RunDaysAsync(sla, calendar, today, today, now, cancellationToken)).Select(d => d.Outcome).SingleOrDefault(SlaOutcome.NotYetDue);
        return outcome == SlaOutcome.OpenPastDeadline ? Instant(today, sla.At) : null;
    }

    public static string Describe(FlowSla sla) => sla.Kind == FlowSla.RunBy
        ? $"at least one successful run each working day by {sla.At:HH\\:mm}"
        : $"every record read reaches all destinations within {sla.WorkingTime.TotalHours.ToString(CultureInfo.InvariantCulture)} working hours";

    private WorkingCalendar CalendarOf(FlowSla sla) => calendars.Find(sla.Calendar) ?? calendars.WorkingDays;

    private DateTimeOffset Instant(DateOnly day, TimeOnly time = default)
    {
        var local = day.ToDateTime(time);
        // Npgsql writes timestamptz from UTC offsets only.
        return new DateTimeOffset(local, calendars.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, calendars.Zone).DateTime);

    private static SlaFigures Sum(string period, IEnumerable<(SlaOutcome Outcome, long Count)> outcomes)
    {
        long onTime = 0, late = 0, open = 0, notYet = 0, discarded = 0;
        foreach (var (outcome, count) in outcomes)
        {
            switch (outcome)
            {
                case SlaOutcome.OnTime: onTime += count; break;
                case SlaOutcome.Late: late += count; break;
                case SlaOutcome.OpenPastDeadline: open += count; break;
                case SlaOutcome.NotYetDue: notYet += count; break;
                default: discarded += count; break;
            }
        }

        return new SlaFigures(period, onTime + late + open, onTime, late, open, notYet, discarded);
    }

    /// <summary>Per local day of read, how many of the flow's records stand where against their deadline, counted by
    /// PostgreSQL: it gets the range's days (<see cref="OfficeTimeTable"/>, through the last deadline) and compares office
    /// times, so a year of records comes back as a year of days, not as every record (the C# semantics of
    /// <see cref="WorkingCalendar.AddWorkingHours"/>, see <see cref="OfficeTimeTable.IsWithin"/>).</summary>
    private async Task<List<(DateOnly Day, SlaOutcome Outcome, long Count)>> MessagesAsync(
        FlowSla sla, WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Deadlines grow with the read time: none of the range's is later than the one of its end.
        var table = new OfficeTimeTable(calendar, LocalDay(from), LocalDay(calendar.AddWorkingHours(to, sla.WorkingTime)));
        await using var command = OfficeTimeSql.MessageOutcomesByDay(dataSource, table, sla, from, to, now);
        var result = new List<(DateOnly, SlaOutcome, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((reader.GetFieldValue<DateOnly>(0), (SlaOutcome)reader.GetInt32(1), reader.GetInt64(2)));
        }

        return result;
    }

    private async Task<List<(DateOnly Day, SlaOutcome Outcome)>> RunDaysAsync(
        FlowSla sla, WorkingCalendar calendar, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select ended_at from hub.flow_runs
            where flow_id = @flow and status = 'succeeded' and ended_at >= @from and ended_at < @to and trigger not like 'backfill:%'
            """);
        command.Parameters.AddWithValue("flow", sla.FlowId);
        command.Parameters.AddWithValue("from", Instant(from));
        command.Parameters.AddWithValue("to", Instant(to.AddDays(1)));
        var firstRun = new Dictionary<DateOnly, DateTimeOffset>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var ended = reader.GetFieldValue<DateTimeOffset>(0);
                var day = LocalDay(ended);
                if (!firstRun.TryGetValue(day, out var first) || ended < first)
                {
                    firstRun[day] = ended;
                }
            }
        }

        var days = new List<(DateOnly, SlaOutcome)>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            var deadline = Instant(day, sla.At);
            var outcome = firstRun.TryGetValue(day, out var ran) ? (ran <= deadline ? SlaOutcome.OnTime : SlaOutcome.Late)
                : now <= deadline ? SlaOutcome.NotYetDue
                : LocalDay(now) == day ? SlaOutcome.OpenPastDeadline
                : SlaOutcome.Late;
            days.Add((day, outcome));
        }

        return days;
    }
}
