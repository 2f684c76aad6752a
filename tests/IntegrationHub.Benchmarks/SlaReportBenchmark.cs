using System.Diagnostics;
using IntegrationHub.Host.Calendar;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Sla;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>SLA-report mode (issue 14 item 5): a year's <c>delivered-within</c> report of one flow with --messages of
/// history, computed as before (<see cref="PerMessageSlaReport"/>: every message over the wire, deadlines in C#) and as
/// now (<see cref="SlaEvaluator"/>: PostgreSQL counts per local day), alternately in this process on the same database
/// (the host's embedded PostgreSQL, the host idle), then <c>GET /api/sla</c> over HTTP; the figures of both must be equal.
/// Prints the query plan of the new statement (it must read the messages through <c>messages_by_received</c>).</summary>
internal static class SlaReportBenchmark
{
    private const double SlaHours = 2;

    public static async Task<int> RunAsync(SlaReportBenchOptions options, CancellationToken cancellationToken)
    {
        var hostDll = HostLocator.Find(options.HostDll);
        var flows = ConfiguredFlows.Load(hostDll);
        var seeded = flows.Flows.Where(f => f.Destinations.Count > 0).Take(options.Flows).Select(f => (f.Id, f.Destinations[0])).ToList();
        var flow = seeded[0].Id;
        Console.WriteLine($"sla-report: {options.Messages:N0} messages of flow {flow} over the past 365 days among {seeded.Count} flows " +
            $"({string.Join(", ", seeded.Select(f => f.Id))}) with as many each; SLA {SlaHours} working hours; " +
            $"{options.Rounds} timed rounds each way after one untimed; {Environment.ProcessorCount} CPUs; .NET {Environment.Version}");

        using var folder = BenchFolder.Create();
        var hubUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var hub = new HttpClient { BaseAddress = hubUrl, Timeout = TimeSpan.FromMinutes(5) };
        var settings = HostSettings.Common(hostDll, [flow], new Uri("http://127.0.0.1:9/"), new Uri("http://127.0.0.1:9/"), folder, hubUrl);
        foreach (var f in flows.Flows)
        {
            settings[$"Flows__{f.Id}__RunOnStart"] = "false";
            if (f.Scheduled)
            {
                settings[$"Flows__{f.Id}__Schedule"] = HostSettings.Never;
            }
        }

        settings[$"Flows__{flow}__Sla__Kind"] = FlowSla.DeliveredWithin;
        settings[$"Flows__{flow}__Sla__WorkingHours"] = SlaHours.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Hub__Delivery__SweepInterval"] = "1.00:00:00";
        settings["Alerts__SweepInterval"] = "1.00:00:00";
        settings["Hub__EmbeddedPostgres__Fsync"] = "false";
        await using var host = HostProcess.Start(hostDll, folder, settings);
        try
        {
            await HubWaits.ReadyAsync(hub, Stopwatch.StartNew(), cancellationToken);
            var database = HubDatabase.ConnectionString(folder);
            var seeding = Stopwatch.StartNew();
            await SlaHistorySeeder.SeedAsync(database, seeded, options.Messages, cancellationToken);
            await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database) { CommandTimeout = 0 }.ConnectionString);
            foreach (var table in new[] { "hub.messages", "hub.deliveries" })
            {
                await using var vacuum = db.CreateCommand($"vacuum (analyze) {table}");
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }

            Console.WriteLine($"SEED: {options.Messages * seeded.Count:N0} messages and deliveries by binary COPY, vacuumed, in {seeding.Elapsed.TotalSeconds:N0} s");

            var time = TimeProvider.System;
            var calendars = new WorkingCalendars(Microsoft.Extensions.Options.Options.Create(HubOptionsOf(hostDll)), new VietnameseLunarCalendar(), time);
            var evaluator = new SlaEvaluator(db, calendars, time, []);
            var sla = new FlowSla(flow, FlowSla.DeliveredWithin, TimeSpan.FromHours(SlaHours), default, WorkingCalendars.WorkingDaysName);
            var to = calendars.Today;
            var from = to.AddDays(-364);
            var calendar = calendars.WorkingDays;

            // A year of one flow among several reads most of the flow's rows: PostgreSQL may rightly scan instead; a month
            // goes through the index.
            await PlanAsync("the past month", db, calendar, sla, to.AddDays(-29), to, cancellationToken);
            await PlanAsync("the year", db, calendar, sla, from, to, cancellationToken);
            var before = new List<double>();
            var after = new List<double>();
            List<SlaFigures>? old = null, now = null;
            for (var round = 0; round <= options.Rounds; round++)
            {
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var started = Stopwatch.GetTimestamp();
                old = await PerMessageSlaReport.DaysAsync(db, sla, calendar, from, to, time.GetUtcNow(), cancellationToken);
                var beforeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var beforeBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                allocated = GC.GetTotalAllocatedBytes(precise: true);
                started = Stopwatch.GetTimestamp();
                now = [.. (await evaluator.ReportAsync([sla], from, to, cancellationToken)).Flows[0].Days];
                var afterMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var afterBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                Console.WriteLine($"  round {round}{(round == 0 ? " (untimed)" : "")}: before {beforeMs:N0} ms, {beforeBytes / 1048576.0:N1} MB allocated; " +
                    $"after {afterMs:N0} ms, {afterBytes / 1048576.0:N1} MB allocated");
                if (round > 0)
                {
                    before.Add(beforeMs);
                    after.Add(afterMs);
                }
            }

            var equal = old!.SequenceEqual(now!);
            Console.WriteLine($"FIGURES: {now!.Sum(d => d.Due):N0} due, {now!.Sum(d => d.OnTime):N0} on time, {now!.Sum(d => d.Late):N0} late, " +
                $"{now!.Sum(d => d.OpenPastDeadline):N0} open past deadline, {now!.Sum(d => d.Discarded):N0} discarded over {now!.Count} days: " +
                (equal ? "equal to the per-message computation" : "DIFFERENT from the per-message computation"));
            var http = await RequestTimings.MeasureAsync(hub, $"api/sla?flow={flow}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", 1, options.Rounds, cancellationToken);
            before.Sort();
            after.Sort();
            var beforeMedian = before[before.Count / 2];
            var afterMedian = after[after.Count / 2];
            Console.WriteLine($"BEFORE (per message, in process): median {beforeMedian:N0} ms (min {before[0]:N0}, max {before[^1]:N0})");
            Console.WriteLine($"AFTER (per day in PostgreSQL, in process): median {afterMedian:N0} ms (min {after[0]:N0}, max {after[^1]:N0})");
            Console.WriteLine($"AFTER GET /api/sla (HTTP, one year): {http}");
            Console.WriteLine($"RATIO before/after (medians): {beforeMedian / afterMedian:N1}x");
            await host.StopAsync(TimeSpan.FromSeconds(60));
            Console.WriteLine(equal ? "OK: the same figures both ways" : "FAILED: the figures differ");
            return equal ? 0 : 1;
        }
        catch
        {
            host.PrintTails(Path.Combine(folder.PostgresFolder, "postgres.log"));
            throw;
        }
    }

    /// <summary>The host's own <c>Hub</c> section (calendar decisions, office hours, zone), as the host binds it.</summary>
    private static HubOptions HubOptionsOf(string hostDll)
    {
        var options = new HubOptions();
        new ConfigurationBuilder().AddJsonFile(Path.Combine(Path.GetDirectoryName(hostDll)!, "config", "appsettings.json")).Build().GetSection("Hub").Bind(options);
        return options;
    }

    private static async Task PlanAsync(string name, NpgsqlDataSource db, WorkingCalendar calendar, FlowSla sla, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), calendar.Zone.GetUtcOffset(from.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), calendar.Zone.GetUtcOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        var table = new OfficeTimeTable(calendar, from, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(calendar.AddWorkingHours(end, sla.WorkingTime), calendar.Zone).DateTime));
        await using var command = OfficeTimeSql.MessageOutcomesByDay(db, table, sla, start, end, DateTimeOffset.UtcNow);
        command.CommandText = "explain (analyze, costs off) " + command.CommandText;
        Console.WriteLine($"PLAN of the per-day statement for {name} ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}):");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Console.WriteLine("  " + reader.GetString(0));
        }
    }
}
