using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Sla;

/// <summary>A flow with several SLAs (<c>Flows:{id}:Sla</c> as an array): each has its figures in the report and the
/// CSV (told apart by the <c>target</c> column) and its own alert incident; and a delivered-within alert shows the
/// records late now while its incident lasts, still one alert and one mail.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SlaSeveralPerFlowTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_SLAs_of_one_flow_have_their_own_figures_CSV_lines_and_incidents_whose_late_keys_stay_current()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        await using var db = NpgsqlDataSource.Create(connectionString);
        var seed = await SlaSeed.MigrateAsync(db);
        await seed.HolidayWeekAsync();
        // Ten days ago, rejected: past 2 and 4 working hours whatever the calendar.
        foreach (var key in new[] { "HS-LATE-1", "HS-LATE-2" })
        {
            await seed.ReadAsync(key, now.AddDays(-10), null);
        }

        await using var sink = SmtpSink.Start();
        var settings = TestHub.BaseSettings(connectionString);
        sink.ApplyTo(settings);
        settings[$"Flows:{SlaSeed.Flow}:Sla:0:Kind"] = "delivered-within";
        settings[$"Flows:{SlaSeed.Flow}:Sla:0:WorkingHours"] = "2";
        settings[$"Flows:{SlaSeed.Flow}:Sla:1:Kind"] = "delivered-within";
        settings[$"Flows:{SlaSeed.Flow}:Sla:1:WorkingHours"] = "4";
        settings["Alerts:SweepInterval"] = "00:00:01";
        await using var hub = await TestHub.StartAsync(settings);
        using var admin = TestHub.AdminClient(hub);

        // 29/4 16:00 + 4 working hours is Mon 4/5 10:30: the record delivered at 09:00 is late for 2 h, on time for 4 h.
        var report = await admin.GetFromJsonAsync<JsonElement>($"api/sla?flow={SlaSeed.Flow}&from=2026-04-28&to=2026-05-04");
        var flows = report.GetProperty("flows").EnumerateArray().ToList();
        Assert.Equal(["2h", "4h"], flows.Select(f => f.GetProperty("target").GetString()));
        Assert.All(flows, f => Assert.Equal((SlaSeed.Flow, "delivered-within"), (f.GetProperty("flowId").GetString(), f.GetProperty("kind").GetString())));
        Assert.Equal("every record read reaches all destinations within 4 working hours", flows[1].GetProperty("description").GetString());
        Assert.Equal("mọi bản ghi đã đọc đến được tất cả các đích trong vòng 4 giờ làm việc", flows[1].GetProperty("descriptionVi").GetString());
        Assert.Equal((3L, 1L, 1L, 1L), Wednesday(flows[0]));
        Assert.Equal((3L, 2L, 0L, 1L), Wednesday(flows[1]));

        var lines = (await admin.GetStringAsync($"api/sla?flow={SlaSeed.Flow}&from=2026-04-28&to=2026-05-04&format=csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("flow,kind,period,due,on_time,late,open_past_deadline,not_yet_due,discarded,share_on_time,target", lines[0]);
        Assert.Contains("procedures,delivered-within,2026-04-29,3,1,1,1,0,0,0.3333,2h", lines);
        Assert.Contains("procedures,delivered-within,2026-04-29,3,2,0,1,0,0,0.6667,4h", lines);
        Assert.Equal(1 + 2 * (2 + 7), lines.Length);

        // One incident per SLA, references apart.
        var alerts = await Eventually.ReturnsAsync(() => SlaSeed.SlaAlertsAsync(admin), a => a.Count == 2, Patience, "an alert per SLA");
        var references = alerts.Select(a => a.GetProperty("reference").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.StartsWith("sla:procedures:2h:", references[0], StringComparison.Ordinal);
        Assert.StartsWith("sla:procedures:4h:", references[1], StringComparison.Ordinal);
        Assert.All(alerts, a => Assert.Contains("2 record(s) of flow procedures", a.GetProperty("detail").GetString(), StringComparison.Ordinal));
        await Eventually.ReturnsAsync(() => Task.FromResult(SlaSeed.SlaMails(sink)), n => n == 2, Patience, "a mail per SLA");

        // While the incidents last another record is late: each alert now lists it, still one alert each, no new mail.
        await seed.ReadBehindDeadLetterAsync("HS-LATE-3", "HS-LATE-1", now.AddDays(-9));
        var grown = await Eventually.ReturnsAsync(() => SlaSeed.SlaAlertsAsync(admin),
            a => a.All(x => x.GetProperty("detail").GetString()!.Contains("HS-LATE-3", StringComparison.Ordinal)), Patience, "the alerts listing the new late record");
        Assert.Equal(alerts.Select(a => a.GetProperty("id").GetInt64()).Order(), grown.Select(a => a.GetProperty("id").GetInt64()).Order());
        Assert.All(grown, a => Assert.Contains("3 record(s) of flow procedures passed their deadline", a.GetProperty("detail").GetString(), StringComparison.Ordinal));
        Assert.All(grown, a => Assert.Contains("HS-LATE-1, HS-LATE-2, HS-LATE-3", a.GetProperty("detail").GetString(), StringComparison.Ordinal));
        Assert.Equal(alerts.Select(a => a.GetProperty("raisedAt").GetDateTimeOffset()).Order(), grown.Select(a => a.GetProperty("raisedAt").GetDateTimeOffset()).Order());
        Assert.Equal(2, SlaSeed.SlaMails(sink));
    }

    private static (long Due, long OnTime, long Late, long Open) Wednesday(JsonElement flow)
    {
        var day = flow.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("period").GetString() == "2026-04-29");
        return (day.GetProperty("due").GetInt64(), day.GetProperty("onTime").GetInt64(), day.GetProperty("late").GetInt64(), day.GetProperty("openPastDeadline").GetInt64());
    }
}
