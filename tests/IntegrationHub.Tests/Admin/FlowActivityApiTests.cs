using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntegrationHub.Tests.Admin;

/// <summary><c>GET /api/flows/{id}/activity</c> and <c>GET /api/flows/activity</c>: a flow's (every flow's) received,
/// delivered, failed attempts, dead letters and skips per whole UTC hour over 24 hours or 7 days, for the overview charts;
/// <c>GET /api/flows</c> reads its counts from the same kept counters, and every flow's last run and trigger at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FlowActivityApiTests(PostgresCluster cluster)
{
    private const string Flow = "procedures";
    private const string Destination = "igate:procedures";

    [Fact]
    public async Task A_flows_activity_comes_in_whole_UTC_hours_over_24_hours_or_7_days_and_a_bad_window_is_400_invalid_window()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        var threeHoursAgo = now.AddHours(-3);
        var dayAndAHalfAgo = now.AddHours(-30);
        await using (var db = NpgsqlDataSource.Create(connectionString))
        {
            // History written before the hub starts, all of it settled, so the hub has nothing to deliver meanwhile.
            await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
            await ReceiveAndSettleAsync(db, "A", 5, threeHoursAgo);
            await ReceiveAndSettleAsync(db, "B", 2, dayAndAHalfAgo);
        }

        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(connectionString));
        using var admin = TestHub.AdminClient(hub);

        var day = await admin.GetFromJsonAsync<JsonElement>($"api/flows/{Flow}/activity?window=24h");
        Assert.Equal("24h", day.GetProperty("window").GetString());
        var buckets = AssertHours(day, 24);
        var recent = Assert.Single(buckets, b => b.Received > 0);
        Assert.Equal(HourOf(threeHoursAgo), recent.Hour);
        Assert.Equal(new FlowActivityBucket(HourOf(threeHoursAgo), 5, 4, 2, 1, 0), recent);
        Assert.DoesNotContain(buckets, b => b.Hour == HourOf(dayAndAHalfAgo));
        Assert.Equal(buckets, AssertHours(await admin.GetFromJsonAsync<JsonElement>($"api/flows/{Flow}/activity"), 24));

        var week = AssertHours(await admin.GetFromJsonAsync<JsonElement>($"api/flows/{Flow}/activity?window=7d"), 7 * 24);
        Assert.Equal([HourOf(dayAndAHalfAgo), HourOf(threeHoursAgo)], week.Where(b => b.Received > 0).Select(b => b.Hour));
        Assert.Equal(new FlowActivityBucket(HourOf(dayAndAHalfAgo), 2, 1, 2, 1, 0), week.Single(b => b.Hour == HourOf(dayAndAHalfAgo)));

        // Every enabled flow, in the order GET /api/flows lists them; that list counts from the same counters.
        var all = await admin.GetFromJsonAsync<JsonElement>("api/flows/activity?window=7d");
        var flows = await admin.GetFromJsonAsync<JsonElement[]>("api/flows");
        Assert.Equal(flows!.Select(f => f.GetProperty("id").GetString()), all.GetProperty("flows").EnumerateArray().Select(f => f.GetProperty("flowId").GetString()));
        Assert.Equal(week, Buckets(all.GetProperty("flows").EnumerateArray().Single(f => f.GetProperty("flowId").GetString() == Flow)));
        var listed = flows!.Single(f => f.GetProperty("id").GetString() == Flow);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lastRun").ValueKind);
        Assert.Equal(new DateTimeOffset(2098, 12, 31, 20, 0, 0, TimeSpan.Zero), listed.GetProperty("schedule").GetProperty("nextRunAt").GetDateTimeOffset());
        Assert.All(flows!.Where(f => f.GetProperty("trigger").GetString() == "inbound"),
            f => Assert.Equal(JsonValueKind.Null, f.GetProperty("schedule").GetProperty("nextRunAt").ValueKind));
        var counts = listed.GetProperty("counts");
        Assert.Equal(
            new Dictionary<string, long> { ["received"] = 7, ["delivered"] = 5, ["skipped"] = 0, ["failed"] = 0, ["deadLettered"] = 2, ["pending"] = 0, ["waiting"] = 0 },
            counts.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));

        foreach (var query in new[] { "?window=1w", "?window=", "?window=24h&window=7d", "?window=24H" })
        {
            await Inbound.InboundRestTests.AssertProblemAsync(await admin.GetAsync($"api/flows/{Flow}/activity{query}"), HttpStatusCode.BadRequest, "invalid_window");
            await Inbound.InboundRestTests.AssertProblemAsync(await admin.GetAsync($"api/flows/activity{query}"), HttpStatusCode.BadRequest, "invalid_window");
        }

        await Inbound.InboundRestTests.AssertProblemAsync(await admin.GetAsync("api/flows/no-such-flow/activity"), HttpStatusCode.NotFound, "unknown_flow");
    }

    /// <summary>Records received at <paramref name="at"/>: the first fails once then is dead-lettered, the rest are delivered.</summary>
    private static async Task ReceiveAndSettleAsync(NpgsqlDataSource db, string prefix, int count, DateTimeOffset at)
    {
        var messages = new MessageStore(db, TestPersonalData.Payloads());
        var deliveries = new DeliveryStore(db);
        await messages.AppendAsync(Flow, 1, Enumerable.Range(0, count).Select(i => new SourceRecord($"{prefix}{i}", "{}", Version: "1")).ToList(), [Destination], null, at, default);
        var batch = await deliveries.ClaimBatchAsync(Flow, Destination, 100, at, default);
        var first = batch[0].MessageId;
        await deliveries.RecordAsync(Flow, Destination,
            [new DeliveryResult(first, DeliveryStatus.Pending, 1, at, "HTTP_503", "unavailable", "attempt_failed", 1),
             .. batch.Skip(1).Select(p => new DeliveryResult(p.MessageId, DeliveryStatus.Delivered, 1, null, null, null, "delivered", 1))],
            holdBehindDeadLetter: false, at, default);
        await deliveries.RecordAsync(Flow, Destination, [new DeliveryResult(first, DeliveryStatus.Dead, 2, null, "REFUSED", "refused", "dead_lettered", 1)], false, at, default);
    }

    /// <summary>The only series' buckets: <paramref name="hours"/> consecutive whole UTC hours from <c>from</c> to <c>to</c>, the current one last.</summary>
    private static List<FlowActivityBucket> AssertHours(JsonElement activity, int hours)
    {
        var series = Assert.Single(activity.GetProperty("flows").EnumerateArray());
        Assert.Equal(Flow, series.GetProperty("flowId").GetString());
        var buckets = Buckets(series);
        var from = activity.GetProperty("from").GetDateTimeOffset();
        Assert.Equal(hours, buckets.Count);
        Assert.Equal(Enumerable.Range(0, hours).Select(i => from.AddHours(i)), buckets.Select(b => b.Hour));
        Assert.All(buckets, b => Assert.Equal((TimeSpan.Zero, 0, 0), (b.Hour.Offset, b.Hour.Minute, b.Hour.Second)));
        Assert.Equal(from.AddHours(hours), activity.GetProperty("to").GetDateTimeOffset());
        Assert.InRange(DateTimeOffset.UtcNow, buckets[^1].Hour, buckets[^1].Hour.AddHours(1.1));
        return buckets;
    }

    private static List<FlowActivityBucket> Buckets(JsonElement series) => series.GetProperty("buckets").EnumerateArray()
        .Select(b => new FlowActivityBucket(
            b.GetProperty("hour").GetDateTimeOffset(), b.GetProperty("received").GetInt64(), b.GetProperty("delivered").GetInt64(),
            b.GetProperty("failedAttempts").GetInt64(), b.GetProperty("deadLettered").GetInt64(), b.GetProperty("skipped").GetInt64()))
        .ToList();

    private static DateTimeOffset HourOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
}
