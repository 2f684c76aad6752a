using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Host.Calendar;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Sla;

/// <summary><c>run-by</c>: each working day of the calendar is due one successful run by the local time given; holidays
/// and weekends are not due. A working day whose deadline passes without one raises one alert for that day.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SlaRunByTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Working_days_are_due_a_run_by_eight_holidays_are_not_and_a_missed_morning_raises_one_alert()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await SlaSeed.MigrateAsync(db);
        // Tue 28/4 ended 07:50: on time. Wed 29/4 ended 08:30: late. 30/4 and 1/5 (holidays) and the weekend: no run,
        // nothing due (a run on Saturday counts for nothing). Mon 4/5: no scheduled run, late; an officer's backfill that
        // morning is not the day's sync.
        await RunAsync(db, SlaSeed.Local(2026, 4, 28, 7, 50));
        await RunAsync(db, SlaSeed.Local(2026, 4, 29, 8, 30));
        await RunAsync(db, SlaSeed.Local(2026, 5, 2, 9));
        await RunAsync(db, SlaSeed.Local(2026, 5, 4, 7, 0), "backfill:officer");

        var clock = new ShiftedClock();
        var settings = TestHub.BaseSettings(connectionString);
        settings[$"Flows:{SlaSeed.Flow}:Sla:Kind"] = "run-by";
        settings[$"Flows:{SlaSeed.Flow}:Sla:At"] = "08:00";
        settings["Alerts:SweepInterval"] = "00:00:01";
        await using var hub = await TestHub.StartAsync(settings, clock: clock);
        using var admin = TestHub.AdminClient(hub);

        var report = await admin.GetFromJsonAsync<JsonElement>($"api/sla?flow={SlaSeed.Flow}&from=2026-04-28&to=2026-05-04");
        var flow = Assert.Single(report.GetProperty("flows").EnumerateArray());
        Assert.Equal("run-by", flow.GetProperty("kind").GetString());
        var days = flow.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("period").GetString()!, d => (d.GetProperty("due").GetInt64(), d.GetProperty("onTime").GetInt64(), d.GetProperty("late").GetInt64()));
        Assert.Equal((1, 1, 0), days["2026-04-28"]);
        Assert.Equal((1, 0, 1), days["2026-04-29"]);
        Assert.Equal((0, 0, 0), days["2026-04-30"]);
        Assert.Equal((0, 0, 0), days["2026-05-01"]);
        Assert.Equal((0, 0, 0), days["2026-05-02"]);
        Assert.Equal((1, 0, 1), days["2026-05-04"]);
        var month = flow.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("period").GetString() == "2026-04");
        Assert.Equal((2, 1, 0.5), (month.GetProperty("due").GetInt64(), month.GetProperty("onTime").GetInt64(), month.GetProperty("shareOnTime").GetDouble()));

        // The hub's clock moves to 10:00 of the next working day: no run since 08:00, one alert for that day.
        var calendars = hub.Services.GetRequiredService<WorkingCalendars>();
        var day = calendars.WorkingDays.NextWorkingDay(calendars.Today);
        var ten = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(7));
        clock.Advance(ten - clock.GetUtcNow());
        var alert = Assert.Single(await Eventually.ReturnsAsync(() => SlaSeed.SlaAlertsAsync(admin), a => a.Count > 0, Patience, "the missed-run alert"));
        Assert.Equal($"sla:{SlaSeed.Flow}:run-by:{day:yyyy-MM-dd}", alert.GetProperty("reference").GetString());
        Assert.Contains("no successful run today by 08:00", alert.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await SlaSeed.SlaAlertsAsync(admin));
    }

    private static async Task RunAsync(NpgsqlDataSource db, DateTimeOffset endedAt, string trigger = "schedule")
    {
        await using var command = db.CreateCommand("""
            insert into hub.flow_runs (flow_id, trigger, status, started_at, ended_at) values (@flow, @trigger, 'succeeded', @started, @ended)
            """);
        command.Parameters.AddWithValue("flow", SlaSeed.Flow);
        command.Parameters.AddWithValue("trigger", trigger);
        command.Parameters.AddWithValue("started", endedAt.ToUniversalTime().AddMinutes(-5));
        command.Parameters.AddWithValue("ended", endedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
    }
}
