using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Host.Calendar;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Sla;

/// <summary><c>reconciled-by</c>, as shipped on the payments flow (<c>config/flows.json</c>: 06:00): each calendar day is
/// due reconciled by 06:00 of the first working day after it, so Monday 06:00 covers Friday, Saturday and Sunday and the
/// day after the 30/4–1/5 holidays covers them and the weekend; a reconciliation counts when it completed, not when it
/// started. A deadline missed raises one alert listing the days not reconciled. A flow whose source cannot tell when a
/// day was reconciled does not start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SlaReconciledByTests(PostgresCluster cluster)
{
    private const string Flow = "payments";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Days_are_due_by_six_of_the_next_working_day_across_the_holiday_and_weekends_and_a_missed_morning_raises_one_alert_listing_them()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await SlaSeed.MigrateAsync(db);
        var local = SlaSeed.Local;
        // Tue 28/4: due Wed 06:00, reconciled 01:35: on time.
        await ReconciledAsync(db, new DateOnly(2026, 4, 28), local(2026, 4, 29, 1, 35));
        // Wed 29/4: the next working day is Mon 4/5 (30/4, 1/5 holidays, then the weekend): Saturday 10:00 is on time.
        await ReconciledAsync(db, new DateOnly(2026, 4, 29), local(2026, 5, 2, 10));
        // Thu 30/4 (holiday): completed 05:59 on Monday, on time.
        await ReconciledAsync(db, new DateOnly(2026, 4, 30), local(2026, 5, 4, 5, 59));
        // Fri 1/5 (holiday): started 05:58 but completed 06:30: late.
        await ReconciledAsync(db, new DateOnly(2026, 5, 1), local(2026, 5, 4, 6, 30), startedAt: local(2026, 5, 4, 5, 58));
        // Sat 2/5: never reconciled: open past its deadline. Sun 3/5: on time; a second run later counts for nothing.
        await ReconciledAsync(db, new DateOnly(2026, 5, 3), local(2026, 5, 4, 1, 30));
        await ReconciledAsync(db, new DateOnly(2026, 5, 3), local(2026, 5, 4, 9));
        // Mon 4/5: due Tue 06:00, reconciled 07:00: late. 5/5–7/5: none, open.
        await ReconciledAsync(db, new DateOnly(2026, 5, 4), local(2026, 5, 5, 7));
        // An ordinary weekend: Fri 8/5, Sat 9/5 on time by Mon 11/5 06:00; Sun 10/5 never; Mon 11/5 on time on Tuesday.
        await ReconciledAsync(db, new DateOnly(2026, 5, 8), local(2026, 5, 9, 1, 30));
        await ReconciledAsync(db, new DateOnly(2026, 5, 9), local(2026, 5, 11, 5));
        await ReconciledAsync(db, new DateOnly(2026, 5, 11), local(2026, 5, 12, 1, 30));

        var clock = new ShiftedClock();
        var settings = TestHub.BaseSettings(connectionString);
        settings.Remove($"Flows:{Flow}:Sla:Enabled");
        settings["Alerts:SweepInterval"] = "00:00:01";
        await using var hub = await TestHub.StartAsync(settings, clock: clock);
        using var admin = TestHub.AdminClient(hub);
        // The coming Monday after an ordinary weekend: Friday reconciled on time, Saturday never, Sunday after 06:00.
        var calendars = hub.Services.GetRequiredService<WorkingCalendars>();
        var monday = PlainMondayAfter(calendars.WorkingDays, calendars.Today);
        await ReconciledAsync(db, monday.AddDays(-3), Local(monday.AddDays(-2), 1, 30));
        await ReconciledAsync(db, monday.AddDays(-1), Local(monday, 6, 30));

        var report = await admin.GetFromJsonAsync<JsonElement>($"api/sla?flow={Flow}&from=2026-04-28&to=2026-05-11");
        var flow = Assert.Single(report.GetProperty("flows").EnumerateArray());
        Assert.Equal(("reconciled-by", "06:00", "each day reconciled by 06:00 of the first working day after it"),
            (flow.GetProperty("kind").GetString(), flow.GetProperty("target").GetString(), flow.GetProperty("description").GetString()));
        Assert.Equal("dữ liệu mỗi ngày được đối soát xong chậm nhất 06:00 ngày làm việc kế tiếp", flow.GetProperty("descriptionVi").GetString());
        var days = flow.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("period").GetString()!, Figures);
        Assert.Equal(14, days.Count);
        Assert.Equal((1, 1, 0, 0), days["2026-04-28"]);
        Assert.Equal((1, 1, 0, 0), days["2026-04-29"]);
        Assert.Equal((1, 1, 0, 0), days["2026-04-30"]);
        Assert.Equal((1, 0, 1, 0), days["2026-05-01"]);
        Assert.Equal((1, 0, 0, 1), days["2026-05-02"]);
        Assert.Equal((1, 1, 0, 0), days["2026-05-03"]);
        Assert.Equal((1, 0, 1, 0), days["2026-05-04"]);
        Assert.Equal((1, 0, 0, 1), days["2026-05-06"]);
        Assert.Equal((1, 1, 0, 0), days["2026-05-08"]);
        Assert.Equal((1, 1, 0, 0), days["2026-05-09"]);
        Assert.Equal((1, 0, 0, 1), days["2026-05-10"]);
        Assert.Equal((1, 1, 0, 0), days["2026-05-11"]);
        var months = flow.GetProperty("months").EnumerateArray().ToDictionary(d => d.GetProperty("period").GetString()!, Figures);
        Assert.Equal((3, 3, 0, 0), months["2026-04"]);
        Assert.Equal((11, 4, 2, 5), months["2026-05"]);
        var csv = await admin.GetStringAsync($"api/sla?flow={Flow}&from=2026-04-28&to=2026-05-11&format=csv");
        Assert.Contains("payments,reconciled-by,2026-05,11,4,2,5,0,0,0.3636,06:00", csv, StringComparison.Ordinal);

        // Monday 07:00: Saturday and Sunday were not reconciled by 06:00; Friday was. One alert for that deadline.
        clock.Advance(Local(monday, 7, 0) - clock.GetUtcNow());
        var alerts = await Eventually.ReturnsAsync(() => SlaSeed.SlaAlertsAsync(admin), a => a.Count > 0, Patience, "the missed-reconciliation alert");
        var alert = Assert.Single(alerts);
        Assert.Equal($"sla:{Flow}:reconciled-by:{monday:yyyy-MM-dd}", alert.GetProperty("reference").GetString());
        var detail = alert.GetProperty("detail").GetString()!;
        Assert.Contains($"2 day(s) not reconciled by 06:00 today", detail, StringComparison.Ordinal);
        Assert.Contains($"{monday.AddDays(-2):dd/MM/yyyy}, {monday.AddDays(-1):dd/MM/yyyy}.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(monday.AddDays(-3).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), detail, StringComparison.Ordinal);
        Assert.Equal(monday, calendars.Today);
    }

    [Fact]
    public async Task A_reconciled_by_SLA_on_a_source_that_cannot_tell_and_two_equal_SLAs_of_a_flow_stop_the_start()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings[$"Flows:{SlaSeed.Flow}:Sla:Kind"] = "reconciled-by";
        settings[$"Flows:{SlaSeed.Flow}:Sla:At"] = "06:00";
        settings["Flows:dossiers:Sla:0:Kind"] = "delivered-within";
        settings["Flows:dossiers:Sla:0:WorkingHours"] = "2";
        settings["Flows:dossiers:Sla:1:Kind"] = "delivered-within";
        settings["Flows:dossiers:Sla:1:WorkingHours"] = "2.0";
        settings["Flows:dossiers:Sla:2:Kind"] = "reconciled-by";
        settings["Flows:dossiers:Sla:2:At"] = "six";
        settings[$"Flows:{Flow}:Sla:Enabled"] = "no";

        var error = await Assert.ThrowsAsync<IntegrationHub.Host.HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Contains($" - Flows:{SlaSeed.Flow}:Sla: Kind reconciled-by needs a source that tells when each day was reconciled; procedures's source 'national-portal:procedures' does not (those that do: payment-platform:callbacks).", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:dossiers:Sla:1: the flow already has this SLA (delivered-within 2h); each of a flow's SLAs must differ.", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:dossiers:Sla:2:At 'six' must be a local time HH:mm (e.g. 08:00).", error.Message, StringComparison.Ordinal);
        Assert.Contains($" - Flows:{Flow}:Sla:Enabled 'no' must be true or false.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The first Monday after <paramref name="today"/> that is a working day after a Friday worked and a weekend off.</summary>
    [Fact]
    public async Task Days_before_the_hub_was_installed_or_first_reconciled_are_not_due()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);
        await SlaSeed.MigrateAsync(db);
        var settings = TestHub.BaseSettings(connectionString);
        settings.Remove($"Flows:{Flow}:Sla:Enabled");
        await using var hub = await TestHub.StartAsync(settings);
        using var admin = TestHub.AdminClient(hub);
        var today = hub.Services.GetRequiredService<WorkingCalendars>().Today;
        var from = today.AddDays(-20);
        var range = $"api/sla?flow={Flow}&from={from:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}";

        // A hub installed today that never reconciled: the days before it ran owe nothing.
        var fresh = Assert.Single((await admin.GetFromJsonAsync<JsonElement>(range)).GetProperty("flows").EnumerateArray());
        Assert.All(fresh.GetProperty("days").EnumerateArray(), d => Assert.Equal(0, d.GetProperty("due").GetInt64()));

        // History from before: from the first day reconciled on, every day is due, reconciled or not.
        var first = today.AddDays(-10);
        await ReconciledAsync(db, first, Local(first.AddDays(1), 1, 30));
        var days = Assert.Single((await admin.GetFromJsonAsync<JsonElement>(range)).GetProperty("flows").EnumerateArray())
            .GetProperty("days").EnumerateArray().ToDictionary(d => DateOnly.ParseExact(d.GetProperty("period").GetString()!, "yyyy-MM-dd"), Figures);
        Assert.All(days.Where(d => d.Key < first), d => Assert.Equal(0, d.Value.Due));
        Assert.Equal((1, 1, 0, 0), days[first]);
        Assert.Equal(1, days[first.AddDays(1)].Due);
        Assert.Equal(1, days[first.AddDays(1)].Open);
    }

    private static DateOnly PlainMondayAfter(WorkingCalendar calendar, DateOnly today)
    {
        for (var day = today.AddDays(1); ; day = day.AddDays(1))
        {
            if (day.DayOfWeek == DayOfWeek.Monday && calendar.IsWorkingDay(day) && calendar.IsWorkingDay(day.AddDays(-3))
                && !calendar.IsWorkingDay(day.AddDays(-2)) && !calendar.IsWorkingDay(day.AddDays(-1)))
            {
                return day;
            }
        }
    }

    private static DateTimeOffset Local(DateOnly day, int hour, int minute) => SlaSeed.Local(day.Year, day.Month, day.Day, hour, minute);

    private static async Task ReconciledAsync(NpgsqlDataSource db, DateOnly day, DateTimeOffset completedAt, DateTimeOffset? startedAt = null)
    {
        await using var command = db.CreateCommand("""
            insert into hub.reconciliations (day, started_at, completed_at, trigger, matched, missing_in_hub, missing_at_platform, amount_mismatch, status_mismatch)
            values (@day, @started, @completed, 'schedule', 0, 0, 0, 0, 0)
            """);
        command.Parameters.AddWithValue("day", day);
        command.Parameters.AddWithValue("started", (startedAt ?? completedAt.AddMinutes(-1)).ToUniversalTime());
        command.Parameters.AddWithValue("completed", completedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
    }

    private static (long Due, long OnTime, long Late, long Open) Figures(JsonElement f) => (
        f.GetProperty("due").GetInt64(), f.GetProperty("onTime").GetInt64(), f.GetProperty("late").GetInt64(), f.GetProperty("openPastDeadline").GetInt64());
}
