using System.Globalization;
using Npgsql;

namespace IntegrationHub.Host.Sla;

/// <summary>The SQL that counts a <c>delivered-within</c> SLA per local day of read from an <see cref="OfficeTimeTable"/>
/// passed as arrays (<c>@days</c>, <c>@working</c>, <c>@before</c>, unnested into a small table joined by local date),
/// its office hours as <c>@s0</c>/<c>@e0</c>, <c>@s1</c>/<c>@e1</c>... (ticks since midnight; one term per interval,
/// cheaper per row than unnesting them), <c>@zone</c>, <c>@first</c>, <c>@sla</c> (ticks) and now's position
/// (<c>@now_time</c>, <c>@now_ends</c>, placed in C#). Office time is in ticks, as in <see cref="OfficeTimeTable.Position"/>:
/// the timestamps' microseconds times ten.</summary>
public static class OfficeTimeSql
{
    /// <summary>The flow's records read in [<paramref name="from"/>, <paramref name="to"/>), per local day of read: columns
    /// the day, then on time, late, open past deadline, not yet due and discarded. <paramref name="table"/> covers the
    /// range's first day through its last deadline.</summary>
    public static NpgsqlCommand MessageOutcomesByDay(
        NpgsqlDataSource dataSource, OfficeTimeTable table, FlowSla sla, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var clock = table.Position(now);
        var command = dataSource.CreateCommand(Text(table.OfficeStarts.Count));
        command.Parameters.AddWithValue("flow", sla.FlowId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("zone", table.ZoneName);
        command.Parameters.AddWithValue("days", table.Days.ToArray());
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

    private static string Text(int officeHours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(officeHours, 1);
        // bound: ids follow time (migration 0019), partitions closed before the range hold none of its messages.
        return $"""
            with bound as (
                select coalesce(min(from_id), (-9223372036854775808)::bigint) as low
                from hub.history_partitions where dropped_at is null and (closed_at is null or closed_at >= @from)),
            days as (
                select * from unnest(@days::date[], @working::boolean[], @before::bigint[]) as t(day, working, before)),
            records as (
                select m.received_at at time zone @zone as read_at,
                       max(d.updated_at) at time zone @zone as last_at,
                       bool_or(d.status in ('pending', 'waiting', 'dead')) as open,
                       bool_or(d.status = 'discarded') as discarded
                from hub.messages m
                join hub.deliveries d on d.message_id = m.id
                where m.flow_id = @flow and m.received_at >= @from and m.received_at < @to and m.id >= (select low from bound)
                group by m.id, m.received_at),
            local_times as materialized (
                select r.read_at::date as read_day, r.last_at::date as last_day, r.open, r.discarded,
                       (extract(epoch from r.read_at::time) * 10000000)::bigint as read_tod,
                       (extract(epoch from r.last_at::time) * 10000000)::bigint as last_tod
                from records r),
            positions as (
                select t.read_day, t.open, t.discarded,
                       rd.before + case when rd.working then {Within("t.read_tod", officeHours)} else 0 end as read_time,
                       coalesce(ld.before + case when ld.working then {Within("t.last_tod", officeHours)} else 0 end,
                                case when t.last_day < @first then -1 else 9223372036854775807 end) as last_time,
                       coalesce(ld.working, false) and ({EndsOfficeTime("t.last_tod", officeHours)}) as last_ends
                from local_times t
                join days rd on rd.day = t.read_day
                left join days ld on ld.day = t.last_day),
            outcomes as (
                select read_day,
                       case when discarded and not open then 4
                            when open then case when {IsWithin("@now_time", "@now_ends")} then 3 else 2 end
                            when {IsWithin("last_time", "last_ends")} then 0
                            else 1 end as outcome
                from positions)
            select read_day,
                   count(*) filter (where outcome = 0), count(*) filter (where outcome = 1), count(*) filter (where outcome = 2),
                   count(*) filter (where outcome = 3), count(*) filter (where outcome = 4)
            from outcomes
            group by read_day
            order by read_day
            """;
    }

    /// <summary>Office time of a working day before a time of day (ticks).</summary>
    private static string Within(string time, int officeHours) => string.Join(" + ", Enumerable.Range(0, officeHours)
        .Select(h => string.Create(CultureInfo.InvariantCulture, $"least(greatest({time} - @s{h}, 0), @e{h} - @s{h})")));

    private static string EndsOfficeTime(string time, int officeHours) => string.Join(" or ", Enumerable.Range(0, officeHours)
        .Select(h => string.Create(CultureInfo.InvariantCulture, $"({time} > @s{h} and {time} <= @e{h})")));

    /// <summary><see cref="OfficeTimeTable.IsWithin"/> against the read's office time.</summary>
    private static string IsWithin(string time, string ends) =>
        $"({time} < read_time + @sla or ({time} = read_time + @sla and (@sla = 0 or {ends})))";
}
