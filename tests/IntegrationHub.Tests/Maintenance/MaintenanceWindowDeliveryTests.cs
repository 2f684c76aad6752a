using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;

namespace IntegrationHub.Tests.Maintenance;

/// <summary>Issue 14, item 3: a one-off maintenance window added through the API holds a counterparty's deliveries, with
/// no attempt spent, no failure, no dead letter and the circuit untouched, and they go once the window is over (at its
/// end, or when an operator ends it early). Bad requests are refused with codes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MaintenanceWindowDeliveryTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_message_for_a_counterparty_in_a_one_off_window_is_not_sent_and_is_delivered_once_the_window_is_over()
    {
        // The hub's clock is moved past the window's end instead of waiting for it: the delivery sweep (every second here)
        // finds the message due again by that clock.
        var clock = new ShiftedClock();
        var logs = new CapturedLogs();
        await using var rig = await PaymentRig.StartAsync(cluster, s => s["Hub:Delivery:SweepInterval"] = "00:00:01", clock, logs.AddTo);
        // Whole seconds: PostgreSQL keeps microseconds.
        var to = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds());
        var added = await rig.Admin.PostAsJsonAsync("api/connectors/igate/maintenance", new { to, reason = "iGate database upgrade" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var window = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("one-off", window.GetProperty("kind").GetString());
        Assert.Equal(to, window.GetProperty("to").GetDateTimeOffset());

        var listed = await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate/maintenance");
        Assert.Equal(to, listed.GetProperty("current").GetProperty("to").GetDateTimeOffset());
        Assert.Equal("iGate database upgrade", listed.GetProperty("current").GetProperty("reason").GetString());
        var igate = await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate");
        Assert.Equal(to, igate.GetProperty("inMaintenance").GetProperty("to").GetDateTimeOffset());
        var callsBefore = igate.GetProperty("calls").GetProperty("lastHourCalls").GetInt64();
        var page = await rig.Admin.GetStringAsync("hangfire/connectors");
        // The page speaks Vietnamese unless asked otherwise: "đang bảo trì đến 19:55, iGate database upgrade".
        Assert.Contains($"in-maintenance\" data-until=\"{to.UtcDateTime:O}\"", page, StringComparison.Ordinal);
        Assert.Contains($" {TimeZoneInfo.ConvertTime(to, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")):HH:mm}, iGate database upgrade", page, StringComparison.Ordinal);

        using var partner = InboundRestTests.PartnerClient(rig.Hub);
        Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation("maint-1", rig.MaHoSo)))).StatusCode);

        // The delivery was asked for and held: nothing reached iGate, no attempt, nothing failed.
        await Eventually.HoldsAsync(() => logs.Lines.Any(l => l.Contains("waits: igate is in maintenance", StringComparison.Ordinal)), Patience, "the delivery held by the window");
        Assert.Empty(rig.Sandboxes.IGate.EvaluationWriteCounts());
        var held = await DeliveryAsync(rig);
        Assert.Equal(("pending", 0), (held.GetProperty("status").GetString(), held.GetProperty("attempts").GetInt32()));
        Assert.Equal(0, await PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "deadLettered"));
        Assert.Equal(0, await PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "failed"));
        igate = await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate");
        Assert.Equal("Closed", igate.GetProperty("calls").GetProperty("circuit").GetString());
        Assert.Equal(callsBefore, igate.GetProperty("calls").GetProperty("lastHourCalls").GetInt64());
        Assert.Equal(JsonValueKind.Null, igate.GetProperty("failing").ValueKind);

        // The window is over: the message goes by itself, in one attempt, after the window's end.
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await Eventually.ReturnsAsync(() => PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "delivered"), n => n == 1, Patience, "the evaluation delivered after the window");
        Assert.Equal(1, rig.Sandboxes.IGate.EvaluationWriteCounts().Values.Sum());
        var delivered = await DeliveryAsync(rig);
        Assert.Equal(("delivered", 1), (delivered.GetProperty("status").GetString(), delivered.GetProperty("attempts").GetInt32()));
        var steps = (await HistoryAsync(rig)).GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["received", "delivered"], steps.Select(s => s.GetProperty("event").GetString()));
        Assert.True(steps[1].GetProperty("at").GetDateTimeOffset() >= to, "the only attempt is after the window's end");
        Assert.Equal(JsonValueKind.Null, (await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate/maintenance")).GetProperty("current").ValueKind);
    }

    [Fact]
    public async Task Ending_a_window_early_sends_what_waited_and_bad_requests_are_refused_with_codes()
    {
        var logs = new CapturedLogs();
        await using var rig = await PaymentRig.StartAsync(cluster, logging: logs.AddTo);
        var now = DateTimeOffset.UtcNow;
        await RefusedAsync(rig, "api/connectors/nobody/maintenance", new { to = now.AddHours(1), reason = "r" }, HttpStatusCode.NotFound, "unknown_connector");
        await RefusedAsync(rig, "api/connectors/igate/maintenance", new { to = now.AddHours(1) }, HttpStatusCode.BadRequest, "reason_required");
        await RefusedAsync(rig, "api/connectors/igate/maintenance", new { to = now.AddHours(1), reason = new string('x', 1001) }, HttpStatusCode.BadRequest, "reason_too_long");
        await RefusedAsync(rig, "api/connectors/igate/maintenance", new { reason = "r" }, HttpStatusCode.BadRequest, "window_end_required");
        await RefusedAsync(rig, "api/connectors/igate/maintenance", new { from = now.AddHours(2), to = now.AddHours(1), reason = "r" }, HttpStatusCode.BadRequest, "window_end_before_start");
        await RefusedAsync(rig, "api/connectors/igate/maintenance", new { from = now.AddHours(-2), to = now.AddHours(-1), reason = "r" }, HttpStatusCode.BadRequest, "window_in_past");
        await RefusedAsync(rig, "api/connectors/igate/maintenance", new { to = now.AddDays(40), reason = "r" }, HttpStatusCode.BadRequest, "window_too_long");
        await RefusedAsync(rig, "api/connectors/igate/maintenance", new { to = "tomorrow", reason = "r" }, HttpStatusCode.BadRequest, "malformed_json");
        // Without its offset a time would be read in the server's zone (seven hours off on a UTC host): refused.
        await RefusedAsync(rig, "api/connectors/igate/maintenance", new { from = "2030-12-05T22:00:00", to = "2030-12-06T02:00:00", reason = "r" }, HttpStatusCode.BadRequest, "malformed_json");
        await RefusedAsync(rig, "api/connectors/igate/maintenance", new { to = "2030-12-06", reason = "r" }, HttpStatusCode.BadRequest, "malformed_json");
        await RefusedAsync(rig, "api/connectors/igate/maintenance", new { to = now.AddHours(1), reason = "r", connector = "igate" }, HttpStatusCode.BadRequest, "malformed_json");
        Assert.Equal(HttpStatusCode.NotFound, (await rig.Admin.GetAsync("api/connectors/nobody/maintenance")).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate/maintenance")).GetProperty("current").ValueKind);

        // A window from tomorrow is listed as coming, not in force, and holds nothing today.
        var tomorrow = await rig.Admin.PostAsJsonAsync("api/connectors/igate/maintenance", new { from = now.AddDays(1), to = now.AddDays(1).AddHours(2), reason = "planned" });
        Assert.Equal(HttpStatusCode.Created, tomorrow.StatusCode);
        var coming = await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate");
        Assert.Equal(JsonValueKind.Null, coming.GetProperty("inMaintenance").ValueKind);
        Assert.Equal("planned", coming.GetProperty("nextMaintenance").GetProperty("reason").GetString());

        var added = await (await rig.Admin.PostAsJsonAsync("api/connectors/igate/maintenance", new { to = now.AddHours(1), reason = "iGate restarts" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = added.GetProperty("id").GetInt64();
        var listed = await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate/maintenance");
        Assert.Equal(["iGate restarts", "planned"], listed.GetProperty("windows").EnumerateArray().Select(w => w.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await rig.Admin.PostAsync("api/connectors/igate/check", null)).StatusCode);

        using var partner = InboundRestTests.PartnerClient(rig.Hub);
        Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation("maint-2", rig.MaHoSo)))).StatusCode);
        await Eventually.HoldsAsync(() => logs.Lines.Any(l => l.Contains("waits: igate is in maintenance", StringComparison.Ordinal)), Patience, "the delivery held by the window");
        Assert.Empty(rig.Sandboxes.IGate.EvaluationWriteCounts());

        await RefusedAsync(rig, $"api/connectors/igate/maintenance/{id}/end", new { }, HttpStatusCode.BadRequest, "reason_required");
        await RefusedAsync(rig, $"api/connectors/igate/maintenance/{id + 100}/end", new { reason = "done" }, HttpStatusCode.NotFound, "unknown_maintenance_window");
        await RefusedAsync(rig, $"api/connectors/postal/maintenance/{id}/end", new { reason = "done" }, HttpStatusCode.NotFound, "unknown_maintenance_window");
        var ended = await rig.Admin.PostAsJsonAsync($"api/connectors/igate/maintenance/{id}/end", new { reason = "iGate is back early" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        await RefusedAsync(rig, $"api/connectors/igate/maintenance/{id}/end", new { reason = "again" }, HttpStatusCode.NotFound, "unknown_maintenance_window");

        await Eventually.ReturnsAsync(() => PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "delivered"), n => n == 1, Patience, "the evaluation delivered once the window ended");
        var delivered = await DeliveryAsync(rig);
        Assert.Equal(("delivered", 1), (delivered.GetProperty("status").GetString(), delivered.GetProperty("attempts").GetInt32()));
        Assert.Equal(1, await PaymentTestKit.ScalarAsync(rig.Database, "select count(*) from hub.operator_actions where action = 'maintenance-end' and reason = 'iGate is back early'"));
        Assert.Equal(2, await PaymentTestKit.ScalarAsync(rig.Database, "select count(*) from hub.operator_actions where action = 'maintenance-add'"));
    }

    private static async Task RefusedAsync(PaymentRig rig, string path, object body, HttpStatusCode status, string code)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        var response = await rig.Admin.PostAsync(path, content);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private static async Task<JsonElement> HistoryAsync(PaymentRig rig) =>
        (await rig.Admin.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={rig.MaHoSo}")).GetProperty("messages").EnumerateArray()
            .Single(m => m.GetProperty("flow").GetString() == "evaluations");

    private static async Task<JsonElement> DeliveryAsync(PaymentRig rig) =>
        (await HistoryAsync(rig)).GetProperty("deliveries").EnumerateArray().Single();
}
