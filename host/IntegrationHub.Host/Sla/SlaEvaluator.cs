using System.Globalization;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Calendar;
using Npgsql;

namespace IntegrationHub.Host.Sla;

/// <summary>Evaluates flows' SLAs from the hub's own tables. <c>delivered-within</c>: each message's deadline is its
/// read time (<c>hub.messages.received_at</c>) plus the SLA's working hours on the flow's calendar; it is on time when
/// every delivery is delivered (or skipped by a filter) by then, the last one's <c>updated_at</c> being when it got there.
/// <c>run-by</c>: each working day is due a successful run (<c>hub.flow_runs</c>) ended by the local time given.
/// <c>reconciled-by</c>: each calendar day is due reconciled (as the flow source's <see cref="IReconciledSource"/> tells)
/// by the local time given of the first working day after it.
/// Reads are bounded by the range asked: messages through <c>messages_by_received</c> (migration 0035) and only the
/// history partitions still open in the range, so years of history cost nothing.</summary>
public sealed class SlaEvaluator(NpgsqlDataSource dataSource, WorkingCalendars calendars, TimeProvider timeProvider, IEnumerable<IReconciledSource> reconciledSources)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>How far back the continuous check looks for late records: older ones were alerted on in their time.</summary>
    public static readonly TimeSpan LateLookback = TimeSpan.FromDays(31);

    public async Task<SlaReport> ReportAsync(IReadOnlyList<FlowSla> slas, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var flows = new List<FlowSlaReport>();
        foreach (var sla in slas)
        {
            var calendar = CalendarOf(sla);
            // Days of runs and reconciliations are one item each; messages come counted per day by PostgreSQL.
            var items = sla.Kind switch
            {
                FlowSla.RunBy => One(await RunDaysAsync(sla, calendar, from, to, now, cancellationToken)),
                FlowSla.ReconciledBy => One(await ReconciledDaysAsync(sla, calendar, from, to, now, cancellationToken)),
                _ => await MessagesAsync(sla, calendar, Instant(from), Instant(to.AddDays(1)), now, cancellationToken),
            };
            var byDay = items.ToLookup(i => i.Day, i => (i.Outcome, i.Count));
            var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)
                .Select(d => Sum(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), byDay[d]))
                .ToList();
            var months = days.GroupBy(d => d.Period[..7], StringComparer.Ordinal)
                .Select(g => new SlaFigures(g.Key, g.Sum(d => d.Due), g.Sum(d => d.OnTime), g.Sum(d => d.Late),
                    g.Sum(d => d.OpenPastDeadline), g.Sum(d => d.NotYetDue), g.Sum(d => d.Discarded)))
                .ToList();
            flows.Add(new FlowSlaReport(sla.FlowId, sla.Kind, Describe(sla), calendar.Name, days, months, sla.Target, DescribeVietnamese(sla)));
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

    /// <summary>For <c>reconciled-by</c>: today's deadline when today is a working day and its deadline has passed,
    /// with the days it covers (the calendar days since the working day before) that were not reconciled by then.</summary>
    public async Task<(DateOnly Deadline, IReadOnlyList<DateOnly> Missed)?> MissedReconcileDeadlineAsync(FlowSla sla, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var calendar = CalendarOf(sla);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.Zone).DateTime);
        if (!calendar.IsWorkingDay(today) || now <= Instant(today, sla.At))
        {
            return null;
        }

        // Monday covers Friday, Saturday and Sunday; the day after a holiday covers the holiday too.
        var first = today.AddDays(-1);
        while (calendar.NextWorkingDay(first.AddDays(-1)) == today)
        {
            first = first.AddDays(-1);
        }

        var deadline = Instant(today, sla.At);
        var source = SourceOf(sla);
        var reconciled = await source.ReconciledAsync(first, today.AddDays(-1), cancellationToken);
        var since = await DueSinceAsync(await source.FirstReconciledDayAsync(cancellationToken), cancellationToken);
        var missed = Enumerable.Range(0, today.DayNumber - first.DayNumber).Select(first.AddDays)
            .Where(day => day >= since && (!reconciled.TryGetValue(day, out var at) || at > deadline))
            .ToList();
        return missed.Count == 0 ? null : (today, missed);
    }

    /// <summary>In English: the API's <c>description</c>, the alerts' text.</summary>
    public static string Describe(FlowSla sla) => sla.Kind switch
    {
        FlowSla.RunBy => $"at least one successful run each working day by {sla.At:HH\\:mm}",
        FlowSla.ReconciledBy => $"each day reconciled by {sla.At:HH\\:mm} of the first working day after it",
        _ => $"every record read reaches all destinations within {sla.WorkingTime.TotalHours.ToString(CultureInfo.InvariantCulture)} working hours",
    };

    /// <summary>The same in Vietnamese: the API's <c>descriptionVi</c>, the dashboard's text.</summary>
    public static string DescribeVietnamese(FlowSla sla) => sla.Kind switch
    {
        FlowSla.RunBy => $"mỗi ngày làm việc có ít nhất một lần chạy thành công, chậm nhất {sla.At:HH\\:mm}",
        FlowSla.ReconciledBy => $"dữ liệu mỗi ngày được đối soát xong chậm nhất {sla.At:HH\\:mm} ngày làm việc kế tiếp",
        _ => $"mọi bản ghi đã đọc đến được tất cả các đích trong vòng {sla.WorkingTime.TotalHours.ToString(Vietnamese)} giờ làm việc",
    };

    private WorkingCalendar CalendarOf(FlowSla sla) => calendars.Find(sla.Calendar) ?? calendars.WorkingDays;

    /// <summary>Start validation (<see cref="FlowSlas"/>) made sure a <c>reconciled-by</c> flow's source has one.</summary>
    private IReconciledSource SourceOf(FlowSla sla) =>
        reconciledSources.First(s => $"{s.ConnectorId}:{s.Stream}" == sla.Source);

    /// <summary>Each calendar day of [from, to] is one item, due at <see cref="FlowSla.At"/> of the first working day
    /// after it: on time or late by when it was first reconciled; not reconciled, it stays open past its deadline
    /// (it can still be reconciled, late) rather than late.</summary>
    private async Task<List<(DateOnly Day, SlaOutcome Outcome)>> ReconciledDaysAsync(
        FlowSla sla, WorkingCalendar calendar, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var source = SourceOf(sla);
        var reconciled = await source.ReconciledAsync(from, to, cancellationToken);
        var since = await DueSinceAsync(await source.FirstReconciledDayAsync(cancellationToken), cancellationToken);
        var days = new List<(DateOnly, SlaOutcome)>();
        for (var day = from < since ? since : from; day <= to; day = day.AddDays(1))
        {
            var deadline = Instant(calendar.NextWorkingDay(day), sla.At);
            var outcome = reconciled.TryGetValue(day, out var at) ? (at <= deadline ? SlaOutcome.OnTime : SlaOutcome.Late)
                : now <= deadline ? SlaOutcome.NotYetDue
                : SlaOutcome.OpenPastDeadline;
            days.Add((day, outcome));
        }

        return days;
    }

    /// <summary>The first day a run-by or reconciled-by SLA counts: the day the hub was installed (its first migration),
    /// or the first day its evidence shows (a run, a reconciliation) when that is earlier, as with history brought from
    /// before. Without it a new hub would report every day before it ran as missed.</summary>
    private async Task<DateOnly> DueSinceAsync(DateOnly? firstEvidence, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select min(applied_at) from hub.schema_migrations");
        var installed = await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? LocalDay(new DateTimeOffset(at, TimeSpan.Zero)) : DateOnly.MaxValue;
        return firstEvidence is { } day && day < installed ? day : installed;
    }

    private DateTimeOffset Instant(DateOnly day, TimeOnly time = default)
    {
        var local = day.ToDateTime(time);
        // Npgsql writes timestamptz from UTC offsets only.
        return new DateTimeOffset(local, calendars.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, calendars.Zone).DateTime);

    private static List<(DateOnly Day, SlaOutcome Outcome, long Count)> One(List<(DateOnly Day, SlaOutcome Outcome)> items) =>
        items.Select(i => (i.Day, i.Outcome, 1L)).ToList();

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

        await using var earliest = dataSource.CreateCommand("""
            select min(ended_at) from hub.flow_runs where flow_id = @flow and status = 'succeeded' and trigger not like 'backfill:%'
            """);
        earliest.Parameters.AddWithValue("flow", sla.FlowId);
        var firstRunDay = await earliest.ExecuteScalarAsync(cancellationToken) is DateTime firstEnded ? LocalDay(new DateTimeOffset(firstEnded, TimeSpan.Zero)) : (DateOnly?)null;
        var since = await DueSinceAsync(firstRunDay, cancellationToken);
        var days = new List<(DateOnly, SlaOutcome)>();
        for (var day = from < since ? since : from; day <= to; day = day.AddDays(1))
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
