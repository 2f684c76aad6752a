using System.Globalization;
using Npgsql;

namespace IntegrationHub.Host.Sla;

/// <summary>The SQL that counts a <c>delivered-within</c> SLA per local day of read from an <see cref="OfficeTimeTable"/>
/// passed as arrays indexed by day from <c>@first</c> (<c>@working</c>, <c>@before</c>),
/// its office hours as <c>@s0</c>/<c>@e0</c>, <c>@s1</c>/<c>@e1</c>... (ticks since midnight; one term per interval,
/// cheaper per row than unnesting them), <c>@zone</c> (<see cref="OfficeTimeTable.ZoneForSql"/>), <c>@first</c>, <c>@sla</c> (ticks) and now's position
/// (<c>@now_time</c>, <c>@now_ends</c>, placed in C#). Office time is in ticks, as in <see cref="OfficeTimeTable.Position"/>:
/// the timestamps' microseconds times ten.</summary>
public static class OfficeTimeSql
{
    /// <summary>The flow's records read in [<paramref name="from"/>, <paramref name="to"/>), counted per local day of read
    /// and outcome: columns the day, the <see cref="SlaOutcome"/> (as its number) and the count; pairs with no record are
    /// left out. <paramref name="table"/> covers the
    /// range's first day through its last deadline.</summary>
    public static NpgsqlCommand MessageOutcomesByDay(
        NpgsqlDataSource dataSource, OfficeTimeTable table, FlowSla sla, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var clock = table.Position(now);
        var command = dataSource.CreateCommand(Text(table.OfficeStarts.Count));
        command.Parameters.AddWithValue("flow", sla.FlowId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("zone", table.ZoneForSql);
        command.Parameters.AddWithValue("working", table.Working.ToArray());
        command.Parameters.AddWithValue("before", table.OfficeTimeBefore.ToArray());
        command.Parameters.AddWithValue("first", table.First);
        command.Parameters.AddWithValue("sla", sla.WorkingTime.Ticks);
        command.Parameters.AddWithValue("now_time", clock.OfficeTime);
        command.Parameters.AddWithValue("now_ends", clock.EndsOfficeTime);
        for (var h = 0; h < table.OfficeStarts.Count; h++)
        {
            command.Parameters.AddWithValue($"s{h}", table.OfficeStarts[h]);
            command.Parameters.AddWithValue($"e{h}", table.OfficeEnds[h]);
        }

        return command;
    }

    /// <remarks>Shaped for a year of records (hundreds of thousands of rows): each step is a subquery PostgreSQL does not
    /// flatten (grouped, or <c>offset 0</c>), so every per-row value (local time, time of day, office time) is computed
    /// once and not again in each expression that uses it; days are looked up in arrays by index, not joined; the result
    /// is grouped by day and outcome, so the outcome is computed once per record too.</remarks>
    private static string Text(int officeHours) =>
        // bound: ids follow time (migration 0019), partitions closed before the range hold none of its messages, nor
        // their deliveries (partitioned alike; said on both sides so both are pruned).
        $"""
        with bound as (
            select coalesce(min(from_id), (-9223372036854775808)::bigint) as low
            from hub.history_partitions where dropped_at is null and (closed_at is null or closed_at >= @from))
        select read_day,
               case when discarded and not open then {(int)SlaOutcome.Discarded}
                    when open then case when {IsWithin("@now_time", "@now_ends")} then {(int)SlaOutcome.NotYetDue} else {(int)SlaOutcome.OpenPastDeadline} end
                    when {IsWithin("last_time", "last_ends")} then {(int)SlaOutcome.OnTime}
                    else {(int)SlaOutcome.Late} end as outcome,
               count(*)
        from (
            select read_day, open, discarded,
                   @before[read_index] + case when @working[read_index] then {Within("read_tod", officeHours)} else 0 end as read_time,
                   case when last_index < 1 then -1
                        when last_index > cardinality(@before) then 9223372036854775807
                        else @before[last_index] + case when @working[last_index] then {Within("last_tod", officeHours)} else 0 end
                   end as last_time,
                   coalesce(@working[last_index], false) and ({EndsOfficeTime("last_tod", officeHours)}) as last_ends
            from (
                select read_at::date as read_day, read_at::date - @first + 1 as read_index, last_at::date - @first + 1 as last_index,
                       open, discarded,
                       -- Seconds of the day with microseconds are exact in a double (11 digits); cheaper than numeric.
                       (date_part('epoch', read_at::time) * 10000000)::bigint as read_tod,
                       (date_part('epoch', last_at::time) * 10000000)::bigint as last_tod
                from (
                    select m.received_at at time zone @zone as read_at,
                           max(d.updated_at) at time zone @zone as last_at,
                           bool_or(d.status in ('pending', 'waiting', 'dead')) as open,
                           bool_or(d.status = 'discarded') as discarded
                    from hub.messages m
                    join hub.deliveries d on d.message_id = m.id
                    where m.flow_id = @flow and m.received_at >= @from and m.received_at < @to
                      and m.id >= (select low from bound) and d.message_id >= (select low from bound)
                    group by m.id, m.received_at) records
                offset 0) local_times
            offset 0) positions
        group by 1, 2
        """;

    /// <summary>Office time of a working day before a time of day (ticks).</summary>
    private static string Within(string time, int officeHours) => string.Join(" + ", Enumerable.Range(0, officeHours)
        .Select(h => string.Create(CultureInfo.InvariantCulture, $"least(greatest({time} - @s{h}, 0), @e{h} - @s{h})")));

    private static string EndsOfficeTime(string time, int officeHours) => string.Join(" or ", Enumerable.Range(0, officeHours)
        .Select(h => string.Create(CultureInfo.InvariantCulture, $"({time} > @s{h} and {time} <= @e{h})")));

    /// <summary><see cref="OfficeTimeTable.IsWithin"/> against the read's office time.</summary>
    private static string IsWithin(string time, string ends) =>
        $"({time} < read_time + @sla or ({time} = read_time + @sla and (@sla = 0 or {ends})))";
}
