using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Sla;

/// <summary><c>GET /api/sla</c> over real HTTP against real PostgreSQL: deadlines are counted in office hours of working
/// days (the national calendar: 30/4 and 1/5 of 2026 are holidays, then a weekend), so records delivered after a
/// holiday can be on time where wall-clock hours would call them late.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SlaApiTests(PostgresCluster cluster)
{
    private const string Flow = SlaSeed.Flow;

    [Fact]
    public async Task Deadlines_count_working_hours_across_the_holiday_and_the_weekend_per_day_and_month_as_JSON_and_CSV()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using (var db = NpgsqlDataSource.Create(connectionString))
        {
            var seed = await SlaSeed.MigrateAsync(db);
            await seed.HolidayWeekAsync();
        }

        var settings = TestHub.BaseSettings(connectionString);
        settings[$"Flows:{Flow}:Sla:Kind"] = "delivered-within";
        settings[$"Flows:{Flow}:Sla:WorkingHours"] = "2";
        await using var hub = await TestHub.StartAsync(settings);
        using var admin = TestHub.AdminClient(hub);

        var report = await admin.GetFromJsonAsync<JsonElement>($"api/sla?flow={Flow}&from=2026-04-28&to=2026-05-04");
        Assert.Equal("2026-04-28", report.GetProperty("from").GetString());
        var flow = Assert.Single(report.GetProperty("flows").EnumerateArray());
        Assert.Equal((Flow, "delivered-within", "working-days"), (flow.GetProperty("flowId").GetString(), flow.GetProperty("kind").GetString(), flow.GetProperty("calendar").GetString()));
        var days = flow.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("period").GetString()!, Figures);
        Assert.Equal(["2026-04-28", "2026-04-29", "2026-04-30", "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04"], days.Keys);
        Assert.Equal((1L, 1L, 0L, 0L, 1.0), days["2026-04-28"]);
        Assert.Equal((3L, 1L, 1L, 1L, 0.3333), days["2026-04-29"]);
        Assert.Equal((0L, 0L, 0L, 0L, (double?)null), days["2026-04-30"]);
        Assert.Equal((1L, 1L, 0L, 0L, 1.0), days["2026-05-02"]);
        var months = flow.GetProperty("months").EnumerateArray().ToDictionary(d => d.GetProperty("period").GetString()!, Figures);
        Assert.Equal(["2026-04", "2026-05"], months.Keys);
        Assert.Equal((4L, 2L, 1L, 1L, 0.5), months["2026-04"]);
        Assert.Equal((1L, 1L, 0L, 0L, 1.0), months["2026-05"]);

        // The same as CSV, months first, by format=csv or by Accept.
        var csv = await admin.GetAsync($"api/sla?flow={Flow}&from=2026-04-28&to=2026-05-04&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("flow,kind,period,due,on_time,late,open_past_deadline,not_yet_due,discarded,share_on_time,target", lines[0]);
        Assert.Equal("procedures,delivered-within,2026-04,4,2,1,1,0,0,0.5,2h", lines[1]);
        Assert.Equal("procedures,delivered-within,2026-05,1,1,0,0,0,0,1,2h", lines[2]);
        Assert.Contains("procedures,delivered-within,2026-04-29,3,1,1,1,0,0,0.3333,2h", lines);
        Assert.Equal(2 + 7 + 1, lines.Length);
        using var accept = new HttpRequestMessage(HttpMethod.Get, $"api/sla?flow={Flow}&from=2026-04-28&to=2026-05-04");
        accept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var byAccept = await admin.SendAsync(accept);
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType!.MediaType);
        Assert.Equal(lines, (await byAccept.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        // Every flow with an SLA when no flow is named.
        var all = await admin.GetFromJsonAsync<JsonElement>("api/sla?from=2026-04-28&to=2026-05-04");
        Assert.Equal([Flow], all.GetProperty("flows").EnumerateArray().Select(f => f.GetProperty("flowId").GetString()));

        foreach (var query in new[] { "from=2026-13-01", "from=2026-05-04&to=2026-04-28", "from=2026-01-01&to=2027-01-02", "from=28/04/2026", "to=", "from=2026-04-28&to=2026-05-04&format=xml" })
        {
            await InboundRestTests.AssertProblemAsync(await admin.GetAsync($"api/sla?flow={Flow}&{query}"), HttpStatusCode.BadRequest, "invalid_sla_range");
        }

        await InboundRestTests.AssertProblemAsync(await admin.GetAsync("api/sla?flow=dossiers"), HttpStatusCode.NotFound, "no_sla");
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"api/sla?flow={Flow}")).StatusCode);
    }

    [Fact]
    public async Task A_bad_SLA_stops_the_start_with_a_problem_naming_the_flow()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings[$"Flows:{Flow}:Sla:Kind"] = "delivered-within";
        settings[$"Flows:{Flow}:Sla:WorkingHours"] = "two";
        settings["Flows:dossiers:Sla:Kind"] = "run-by";
        settings["Flows:dossiers:Sla:At"] = "8h";
        settings["Flows:evaluations:Sla:Kind"] = "run-by";
        settings["Flows:evaluations:Sla:At"] = "08:00";
        settings["Flows:progress:Sla:Kind"] = "within-a-day";

        var error = await Assert.ThrowsAsync<IntegrationHub.Host.HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Contains($" - Flows:{Flow}:Sla:WorkingHours 'two' must be a number of working hours greater than 0", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:dossiers:Sla:At '8h' must be a local time HH:mm (e.g. 08:00).", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:evaluations:Sla: Kind run-by needs a scheduled flow; evaluations runs as messages are pushed (use delivered-within).", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:progress:Sla:Kind 'within-a-day' must be delivered-within (with WorkingHours), run-by (with At) or reconciled-by (with At).", error.Message, StringComparison.Ordinal);
    }

    private static (long Due, long OnTime, long Late, long Open, double? Share) Figures(JsonElement f) => (
        f.GetProperty("due").GetInt64(), f.GetProperty("onTime").GetInt64(), f.GetProperty("late").GetInt64(), f.GetProperty("openPastDeadline").GetInt64(),
        f.GetProperty("shareOnTime").ValueKind == JsonValueKind.Null ? null : f.GetProperty("shareOnTime").GetDouble());
}
