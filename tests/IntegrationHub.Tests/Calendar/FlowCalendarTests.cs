using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Xunit;

namespace IntegrationHub.Tests.Calendar;

/// <summary>Flows on the working-day calendar, as Quartz (PostgreSQL job store) schedules them, and the calendar API.
/// Schedules are pinned to February 2030 so the next fire time does not depend on today: Tết 2030 is Saturday 2/2, so
/// Friday 1/2 (its eve) to Tuesday 5/2 are holidays and Wednesday 6/2 and Thursday 7/2 compensatory days off.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FlowCalendarTests(PostgresCluster cluster)
{
    private const string FebruaryOf2030 = "0 0 8 ? 2 * 2030";
    private const string SaturdaysOfFebruary2030 = "0 0 8 ? 2 SAT 2030";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_working_days_flow_skips_tet_and_its_compensatory_days_and_fires_on_a_decided_working_saturday_and_a_named_calendar_adds_its_own()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Flows:procedures:Schedule"] = FebruaryOf2030;
        settings["Flows:procedures:Calendar"] = "working-days";
        settings["Flows:dossiers:Schedule"] = SaturdaysOfFebruary2030;
        settings["Flows:dossiers:Calendar"] = "working-days";
        settings["Flows:dossiers:Misfire"] = "skip";
        settings["Flows:progress:Schedule"] = FebruaryOf2030;
        // An office open on Saturdays with its own day off on Friday 8/2.
        settings["Flows:e-copies:Schedule"] = FebruaryOf2030;
        settings["Flows:e-copies:Calendar"] = "one-stop-shop";
        settings["Hub:Calendar:Named:one-stop-shop:WorksSaturdays"] = "true";
        settings["Hub:Calendar:Named:one-stop-shop:DaysOff:0:From"] = "2030-02-08";
        settings["Hub:Calendar:Named:one-stop-shop:DaysOff:0:Name"] = "Ngày của văn phòng";
        settings["Hub:Calendar:Years:2030:WorkingDays:0:Date"] = "2030-02-09";
        settings["Hub:Calendar:Years:2030:WorkingDays:0:Name"] = "Làm bù";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        Assert.Equal(new DateTimeOffset(2030, 2, 8, 8, 0, 0, Vietnam), await NextRunAsync(client, "procedures"));
        Assert.Equal(new DateTimeOffset(2030, 2, 9, 8, 0, 0, Vietnam), await NextRunAsync(client, "dossiers"));
        Assert.Equal(new DateTimeOffset(2030, 2, 1, 8, 0, 0, Vietnam), await NextRunAsync(client, "progress"));
        Assert.Equal(new DateTimeOffset(2030, 2, 9, 8, 0, 0, Vietnam), await NextRunAsync(client, "e-copies"));

        var shown = await ScheduleAsync(client, "dossiers");
        Assert.Equal(("working-days", "skip"), (shown.GetProperty("calendar").GetString(), shown.GetProperty("misfire").GetString()));
        shown = await ScheduleAsync(client, "progress");
        Assert.Equal(("all-days", "fire-once-now"), (shown.GetProperty("calendar").GetString(), shown.GetProperty("misfire").GetString()));

        var page = await client.GetStringAsync("hangfire/flows");
        Assert.Contains("<small class=\"flow-calendar\">working-days</small>", page, StringComparison.Ordinal);
        Assert.Contains("<small class=\"flow-calendar\">one-stop-shop</small>", page, StringComparison.Ordinal);

        var scheduler = await hub.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var dossiers = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey("flow:dossiers", "flows")))!;
        var progress = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey("flow:progress", "flows")))!;
        Assert.Equal(CronTriggerMisfireInstruction.DoNothing, dossiers.MisfireInstruction);
        Assert.Equal("hub:working-days", dossiers.CalendarName);
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, progress.MisfireInstruction);
        Assert.Null(progress.CalendarName);

        var days = await client.GetFromJsonAsync<JsonElement>("api/calendar?year=2030");
        var saturday = days.EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2030-02-09");
        Assert.Equal("working_saturday", saturday.GetProperty("kind").GetString());
        Assert.Equal("Làm bù", saturday.GetProperty("name").GetString());
        Assert.Equal("compensatory_day_off", days.EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2030-02-06").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Changing_a_flows_calendar_or_misfire_policy_reschedules_its_trigger_at_the_next_start()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Flows:procedures:Schedule"] = FebruaryOf2030;
        await using (var first = await TestHub.StartAsync(settings))
        {
            using var client = TestHub.AdminClient(first);
            Assert.Equal(new DateTimeOffset(2030, 2, 1, 8, 0, 0, Vietnam), await NextRunAsync(client, "procedures"));
        }

        settings["Flows:procedures:Calendar"] = "working-days";
        settings["Flows:procedures:Misfire"] = "skip";
        await using var second = await TestHub.StartAsync(settings);
        using var again = TestHub.AdminClient(second);
        Assert.Equal(new DateTimeOffset(2030, 2, 8, 8, 0, 0, Vietnam), await NextRunAsync(again, "procedures"));
        var scheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey("flow:procedures", "flows")))!;
        Assert.Equal(CronTriggerMisfireInstruction.DoNothing, trigger.MisfireInstruction);
    }

    [Fact]
    public async Task The_calendar_api_refuses_a_bad_year_with_a_code_and_asks_for_a_login()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        foreach (var query in new[] { "", "?year=abc", "?year=2020", "?year=2101", "?year=+2025" })
        {
            var response = await client.GetAsync("api/calendar" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("invalid_year", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        // The shipped decision for 2025: Tết from Saturday 25/1 to Sunday 2/2, without a compensatory Monday 3/2.
        var days = (await client.GetFromJsonAsync<JsonElement>("api/calendar?year=2025")).EnumerateArray().ToList();
        Assert.Equal("decided_day_off", days.Single(d => d.GetProperty("date").GetString() == "2025-01-27").GetProperty("kind").GetString());
        Assert.DoesNotContain(days, d => d.GetProperty("date").GetString() == "2025-02-03");
        // And its 30/4–1/5 swap: Friday 2/5 off, worked on Saturday 26/4.
        Assert.Equal("decided_day_off", days.Single(d => d.GetProperty("date").GetString() == "2025-05-02").GetProperty("kind").GetString());
        Assert.Equal("working_saturday", days.Single(d => d.GetProperty("date").GetString() == "2025-04-26").GetProperty("kind").GetString());

        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/calendar?year=2025")).StatusCode);

        // The OpenAPI document describes it: the day's properties as written, and the refusal's code.
        var document = JsonNode.Parse(await client.GetStringAsync("openapi/v1.json"))!;
        var operation = document["paths"]!["/api/calendar"]!["get"]!;
        Assert.Equal("getCalendar", operation["operationId"]!.GetValue<string>());
        var problem = operation["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["allOf"]![1]!["properties"]!["code"]!["enum"]!.AsArray();
        Assert.Contains("invalid_year", problem.Select(c => c!.GetValue<string>()));
        Assert.Equal(["date", "name", "kind"], document["components"]!["schemas"]!["CalendarDay"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(days[0].EnumerateObject().Select(p => p.Name), ["date", "name", "kind"]);
    }

    [Fact]
    public async Task An_unknown_calendar_or_misfire_policy_stops_the_start_naming_the_flow()
    {
        var settings = TestHub.BaseSettings("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none");
        settings["Flows:procedures:Calendar"] = "office";
        settings["Flows:procedures:Misfire"] = "later";
        settings["Hub:Calendar:Named:one-stop-shop:WorksSaturdays"] = "true";

        var error = await Assert.ThrowsAsync<IntegrationHub.Host.HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Contains(" - Flows:procedures:Calendar 'office' is not a calendar (working-days, all-days, or a name of Hub:Calendar:Named: one-stop-shop).", error.Message, StringComparison.Ordinal);
        Assert.Contains(" - Flows:procedures:Misfire 'later' must be fire-once-now (run once at start for a missed slot) or skip.", error.Message, StringComparison.Ordinal);
    }

    private static async Task<DateTimeOffset> NextRunAsync(HttpClient client, string flowId) =>
        (await ScheduleAsync(client, flowId)).GetProperty("nextRunAt").GetDateTimeOffset();

    private static async Task<JsonElement> ScheduleAsync(HttpClient client, string flowId)
    {
        var flows = await client.GetFromJsonAsync<JsonElement>("api/flows");
        return flows.EnumerateArray().Single(f => f.GetProperty("id").GetString() == flowId).GetProperty("schedule");
    }
}
