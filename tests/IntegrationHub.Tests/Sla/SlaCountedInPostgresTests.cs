using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using IntegrationHub.Host.Calendar;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Sla;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace IntegrationHub.Tests.Sla;

/// <summary>The SLA report counts <c>delivered-within</c> per local day in PostgreSQL (<see cref="OfficeTimeTable"/>);
/// these properties hold it to the per-record C# computation it replaced (deadline = <see cref="WorkingCalendar.AddWorkingHours"/>
/// of the read time; on time when the last delivery is at or before it), on generated records read and delivered around
/// weekends, Tết 2025, the 30/4–1/5 holidays with 2025's swapped days, and the edges of office hours to the microsecond;
/// and, for a hub configured in a zone with daylight saving time (PostgreSQL then gets the zone's name, not an offset),
/// around Paris's clock changes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SlaCountedInPostgresTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);

    /// <summary>Days around which records are read: before, in and after Tết (25/1–2/2), the working Saturday 26/4, 30/4,
    /// 1/5, the swapped day off 2/5 and the weekend after, an ordinary Friday and weekend; and the range's first and last day.</summary>
    private static readonly Scenario Vietnam = new("Asia/Ho_Chi_Minh", new(2025, 1, 20), new(2025, 5, 12),
    [
        new(2025, 1, 20), new(2025, 1, 24), new(2025, 1, 25), new(2025, 2, 2), new(2025, 2, 3), new(2025, 3, 7), new(2025, 3, 8),
        new(2025, 3, 9), new(2025, 4, 25), new(2025, 4, 26), new(2025, 4, 29), new(2025, 4, 30), new(2025, 5, 1), new(2025, 5, 2),
        new(2025, 5, 4), new(2025, 5, 5), new(2025, 5, 12),
    ]);

    /// <summary>The weekends of the clock changes (30/3 and 26/10/2025) and the days either side.</summary>
    private static readonly Scenario Paris = new("Europe/Paris", new(2025, 3, 24), new(2025, 11, 3),
    [
        new(2025, 3, 24), new(2025, 3, 28), new(2025, 3, 29), new(2025, 3, 30), new(2025, 3, 31), new(2025, 10, 24), new(2025, 10, 25),
        new(2025, 10, 26), new(2025, 10, 27), new(2025, 11, 3),
    ]);

    /// <summary>Office hours' edges and the day's.</summary>
    private static readonly TimeSpan[] Times =
    [
        TimeSpan.Zero, new(7, 30, 0), new(9, 30, 0), new(11, 30, 0), new(12, 0, 0), new(13, 0, 0), new(15, 0, 0), new(17, 0, 0),
        new(23, 0, 0), TimeSpan.FromDays(1) - Microsecond,
    ];

    private static readonly double[] SlaHours = [0.5, 1, 2, 4, 8, 16, 40];

    private static WorkingCalendars Calendars(TimeProvider clock, Scenario scenario) => new(Options.Create(new HubOptions
    {
        Scheduling = new HubSchedulingOptions { DefaultTimeZone = scenario.Zone },
        // 2025's decision as announced: Tết 25/1–2/2, Friday 2/5 off for Saturday 26/4.
        Calendar = IntegrationHub.Tests.Calendar.WorkingCalendarTests.Decisions2025(),
    }), new VietnameseLunarCalendar(), clock);

    [Theory]
    [InlineData("Asia/Ho_Chi_Minh", 25)]
    [InlineData("Europe/Paris", 8)]
    public async Task Per_day_counts_from_PostgreSQL_equal_each_record_against_its_deadline_computed_in_CSharp(string zone, int cases)
    {
        var scenario = zone == Paris.Zone ? Paris : Vietnam;
        await using var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        await SlaSeed.MigrateAsync(db);
        var clock = new SettableClock();
        var calendars = Calendars(clock, scenario);
        // PostgreSQL gets a fixed offset in Vietnam, the zone's name where clocks change.
        Assert.Equal(scenario == Paris, new OfficeTimeTable(calendars.WorkingDays, scenario.From, scenario.To).ZoneForSql is string);
        var evaluator = new SlaEvaluator(db, calendars, clock, []);
        var run = 0;
        var property = Prop.ForAll(Arb.From(Case(scenario, calendars.WorkingDays)), async c =>
        {
            var flow = $"sla-case-{Interlocked.Increment(ref run)}";
            await InsertAsync(db, flow, c.Records);
            clock.Now = c.Now;
            var sla = new FlowSla(flow, FlowSla.DeliveredWithin, c.Sla, default, WorkingCalendars.WorkingDaysName);

            var report = await evaluator.ReportAsync([sla], scenario.From, scenario.To, default);

            var expected = Expected(scenario, calendars.WorkingDays, c);
            var actual = Assert.Single(report.Flows);
            Assert.Equal(expected.Days, actual.Days);
            Assert.Equal(expected.Months, actual.Months);
        });
        // Off the test's synchronization context: FsCheck waits for each case synchronously.
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property));
        Assert.Equal(cases, run);
    }

    [Fact]
    public void The_office_time_table_places_instants_as_AddWorkingHours_counts_them()
    {
        var clock = new FakeTimeProvider();
        var calendar = Calendars(clock, Vietnam).WorkingDays;
        var table = new OfficeTimeTable(calendar, Vietnam.From, Vietnam.To.AddDays(30));
        var property = Prop.ForAll(Arb.From(Instant(Vietnam)), Arb.From(Gen.Elements(SlaHours)), Arb.From(Instant(Vietnam)), (read, hours, reached) =>
        {
            var sla = TimeSpan.FromHours(hours);
            var deadline = calendar.AddWorkingHours(read, sla);
            foreach (var at in new[] { reached, deadline, deadline + Microsecond, deadline - Microsecond, deadline + TimeSpan.FromMinutes(30) })
            {
                Assert.Equal(at <= deadline, OfficeTimeTable.IsWithin(table.Position(read).OfficeTime, table.Position(at), sla.Ticks));
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(5_000).WithQuietOnSuccess(true), property);
    }

    /// <summary>Each case reports as of its own now, earlier or later than the previous case's.</summary>
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A generated set of records, the SLA and the report's now (in the range, so some open records are not yet due).</summary>
    private sealed record SlaCase(TimeSpan Sla, DateTimeOffset Now, IReadOnlyList<SeededRecord> Records)
    {
        public override string ToString() => $"sla {Sla}, now {Now:O}, {Records.Count} records: {string.Join("; ", Records)}";
    }

    /// <summary>One message: its read time and its deliveries' statuses and last updates.</summary>
    private sealed record SeededRecord(DateTimeOffset Read, IReadOnlyList<(string Status, DateTimeOffset At)> Deliveries)
    {
        public override string ToString() => $"{Read:O} [{string.Join(", ", Deliveries.Select(d => $"{d.Status} {d.At:O}"))}]";
    }

    /// <summary>A zone, the report's range, and the days records are read around.</summary>
    private sealed record Scenario(string Zone, DateOnly From, DateOnly To, DateOnly[] Days)
    {
        public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(Zone);

        public DateTimeOffset Start => At(From.ToDateTime(TimeOnly.MinValue));

        public DateTimeOffset End => At(To.AddDays(1).ToDateTime(TimeOnly.MinValue));

        /// <summary>A local time as an instant (in a gap of a clock change, as the hour before it reads).</summary>
        public DateTimeOffset At(DateTime local) => new(local, TimeZone.GetUtcOffset(local));

        public DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZone).DateTime);
    }

    /// <summary>Near the chosen days and edges: exactly, a microsecond either side, or minutes to hours away.</summary>
    private static Gen<DateTimeOffset> Instant(Scenario scenario) =>
        from day in Gen.Elements(scenario.Days)
        from time in Gen.Elements(Times)
        from shift in Gen.Frequency(
            (3, Gen.Constant(TimeSpan.Zero)),
            (2, Gen.Elements(Microsecond, -Microsecond)),
            (3, Gen.Choose(-600, 600).Select(m => TimeSpan.FromMinutes(m))),
            (1, Gen.Choose(-86_400, 86_400).Select(s => TimeSpan.FromSeconds(s) + TimeSpan.FromTicks(10L * (s % 997)))))
        let at = scenario.At(day.ToDateTime(TimeOnly.MinValue) + time) + shift
        select at < scenario.Start ? scenario.Start : at >= scenario.End ? scenario.End - Microsecond : at;

    private static Gen<SlaCase> Case(Scenario scenario, WorkingCalendar calendar) =>
        from hours in Gen.Elements(SlaHours)
        let sla = TimeSpan.FromHours(hours)
        from now in Gen.Frequency((3, Instant(scenario)), (1, Gen.Constant(scenario.End + TimeSpan.FromDays(60))))
        from records in Gen.ListOf(Record(scenario, calendar, sla), 150)
        select new SlaCase(sla, now, records);

    /// <summary>Delivered at, just before or just after its deadline, or anywhere near; before it was read; still open
    /// (dead or pending); discarded; several destinations mixing these.</summary>
    private static Gen<SeededRecord> Record(Scenario scenario, WorkingCalendar calendar, TimeSpan sla) =>
        from read in Instant(scenario)
        let deadline = calendar.AddWorkingHours(read, sla)
        from reached in Gen.Frequency(
            (4, Gen.Elements(TimeSpan.Zero, Microsecond, -Microsecond, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(-30), TimeSpan.FromHours(2)).Select(s => deadline + s)),
            (3, Instant(scenario)),
            (1, Gen.Choose(0, 14 * 24 * 60).Select(m => read + TimeSpan.FromMinutes(m))),
            (1, Gen.Constant(read - TimeSpan.FromHours(1))))
        from statuses in Gen.Frequency(
            (6, Gen.Constant<string[]>(["delivered"])),
            (2, Gen.Constant<string[]>(["delivered", "skipped"])),
            (2, Gen.Elements<string[]>(["dead"], ["pending"], ["waiting", "delivered"])),
            (1, Gen.Elements<string[]>(["discarded"], ["discarded", "delivered"], ["discarded", "dead"])))
        from earlier in Gen.Choose(0, 600)
        select new SeededRecord(read, statuses.Select((s, i) => (s, i == 0 ? reached : reached - TimeSpan.FromMinutes(earlier))).ToList());

    /// <summary>The computation the report made before it moved into PostgreSQL, record by record.</summary>
    private static (List<SlaFigures> Days, List<SlaFigures> Months) Expected(Scenario scenario, WorkingCalendar calendar, SlaCase c)
    {
        var outcomes = c.Records.ToLookup(r => scenario.LocalDay(r.Read), r =>
        {
            var deadline = calendar.AddWorkingHours(r.Read, c.Sla);
            var open = r.Deliveries.Any(d => d.Status is "pending" or "waiting" or "dead");
            var last = r.Deliveries.Max(d => d.At);
            return r.Deliveries.Any(d => d.Status == "discarded") && !open ? SlaOutcome.Discarded
                : open ? (c.Now > deadline ? SlaOutcome.OpenPastDeadline : SlaOutcome.NotYetDue)
                : last <= deadline ? SlaOutcome.OnTime : SlaOutcome.Late;
        });
        var days = Enumerable.Range(0, scenario.To.DayNumber - scenario.From.DayNumber + 1).Select(scenario.From.AddDays).Select(d =>
        {
            var o = outcomes[d].ToList();
            long Count(SlaOutcome outcome) => o.Count(x => x == outcome);
            return new SlaFigures(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Count(SlaOutcome.OnTime) + Count(SlaOutcome.Late) + Count(SlaOutcome.OpenPastDeadline),
                Count(SlaOutcome.OnTime), Count(SlaOutcome.Late), Count(SlaOutcome.OpenPastDeadline), Count(SlaOutcome.NotYetDue), Count(SlaOutcome.Discarded));
        }).ToList();
        var months = days.GroupBy(d => d.Period[..7], StringComparer.Ordinal).Select(g => new SlaFigures(g.Key, g.Sum(d => d.Due), g.Sum(d => d.OnTime),
            g.Sum(d => d.Late), g.Sum(d => d.OpenPastDeadline), g.Sum(d => d.NotYetDue), g.Sum(d => d.Discarded))).ToList();
        return (days, months);
    }

    private static async Task InsertAsync(NpgsqlDataSource db, string flow, IReadOnlyList<SeededRecord> records)
    {
        await using var command = db.CreateCommand("""
            with message as (
                insert into hub.messages (flow_id, record_key, business_key, version, payload, received_at)
                select @flow, 'rec-' || n, 'HS-' || n, '1', '{}', read from unnest(@reads) with ordinality as r(read, n)
                returning id, record_key)
            insert into hub.deliveries (message_id, destination, flow_id, record_key, status, updated_at)
            select m.id, 'dest-' || d.k, @flow, m.record_key, d.status, d.at
            from unnest(@owners, @statuses, @ats) with ordinality as d(owner, status, at, k)
            join message m on m.record_key = 'rec-' || d.owner
            """);
        command.Parameters.AddWithValue("flow", flow);
        command.Parameters.AddWithValue("reads", records.Select(r => r.Read.ToUniversalTime()).ToArray());
        var deliveries = records.SelectMany((r, i) => r.Deliveries.Select(d => (Owner: (long)i + 1, d.Status, At: d.At.ToUniversalTime()))).ToList();
        command.Parameters.AddWithValue("owners", deliveries.Select(d => d.Owner).ToArray());
        command.Parameters.AddWithValue("statuses", deliveries.Select(d => d.Status).ToArray());
        command.Parameters.AddWithValue("ats", deliveries.Select(d => d.At).ToArray());
        await command.ExecuteNonQueryAsync();
    }
}
