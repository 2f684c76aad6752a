using System.Globalization;
using IntegrationHub.Host.Calendar;
using IntegrationHub.Host.Sla;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>The <c>delivered-within</c> report as SlaEvaluator computed it before PostgreSQL counted it per day (issue 14
/// item 5): every message of the range read over the wire, its deadline computed with
/// <see cref="WorkingCalendar.AddWorkingHours"/>, counted per local day of read. The "before" of the SLA-report benchmark
/// and the reference its figures are checked against.</summary>
internal static class PerMessageSlaReport
{
    private const string Sql =
        """
        with bound as (
            select coalesce(min(from_id), (-9223372036854775808)::bigint) as low
            from hub.history_partitions where dropped_at is null and (closed_at is null or closed_at >= @from))
        select m.id, m.received_at,
               bool_or(d.status in ('pending', 'waiting', 'dead')) as open,
               bool_or(d.status = 'discarded') as discarded,
               max(d.updated_at) as last_at
        from hub.messages m
        join hub.deliveries d on d.message_id = m.id
        where m.flow_id = @flow and m.received_at >= @from and m.received_at < @to and m.id >= (select low from bound)
        group by m.id, m.received_at
        """;

    public static async Task<List<SlaFigures>> DaysAsync(
        NpgsqlDataSource db, FlowSla sla, WorkingCalendar calendar, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(Sql);
        command.Parameters.AddWithValue("flow", sla.FlowId);
        command.Parameters.AddWithValue("from", Instant(calendar, from));
        command.Parameters.AddWithValue("to", Instant(calendar, to.AddDays(1)));
        var counts = new Dictionary<DateOnly, long[]>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var read = reader.GetFieldValue<DateTimeOffset>(1);
                var deadline = calendar.AddWorkingHours(read, sla.WorkingTime);
                var outcome = reader.GetBoolean(3) && !reader.GetBoolean(2) ? SlaOutcome.Discarded
                    : reader.GetBoolean(2) ? (now > deadline ? SlaOutcome.OpenPastDeadline : SlaOutcome.NotYetDue)
                    : reader.GetFieldValue<DateTimeOffset>(4) <= deadline ? SlaOutcome.OnTime : SlaOutcome.Late;
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(read, calendar.Zone).DateTime);
                if (!counts.TryGetValue(day, out var c))
                {
                    counts[day] = c = new long[5];
                }

                c[(int)outcome]++;
            }
        }

        return Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Select(d =>
        {
            var c = counts.GetValueOrDefault(d) ?? new long[5];
            return new SlaFigures(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c[0] + c[1] + c[2], c[0], c[1], c[2], c[3], c[4]);
        }).ToList();
    }

    private static DateTimeOffset Instant(WorkingCalendar calendar, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, calendar.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
