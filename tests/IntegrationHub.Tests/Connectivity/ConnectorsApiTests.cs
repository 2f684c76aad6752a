using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;

namespace IntegrationHub.Tests.Connectivity;

/// <summary>What an admin learns about counterparties: each connector's spec and flows, a connectivity check on demand
/// recorded with who asked, periodic checks on the schedule, and /health/connectivity kept apart from readiness.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConnectorsApiTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_registered_connector_is_listed_with_its_streams_and_the_flows_using_it()
    {
        await using var rig = await PaymentRig.StartAsync(cluster);

        var connectors = await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors");

        var ids = connectors.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(RegisteredModules.ConnectorIds.Order(StringComparer.Ordinal), ids);
        var igate = connectors.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "igate");
        Assert.Contains(igate.GetProperty("streams").EnumerateArray(), s => s.GetProperty("name").GetString() == "procedures" && s.GetProperty("direction").GetString() == "Destination" && s.GetProperty("key")[0].GetString() == "MATTHC");
        Assert.Contains("evaluations", igate.GetProperty("flows").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(JsonValueKind.Null, igate.GetProperty("lastCheck").ValueKind);

        var unknown = await rig.Admin.PostAsync("api/connectors/erp/check", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unknown_connector", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_check_on_demand_names_the_officer_and_an_unreachable_counterparty_fails_connectivity_not_readiness()
    {
        await using var rig = await PaymentRig.StartAsync(cluster);

        var ok = await (await rig.Admin.PostAsync("api/connectors/igate/check", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ok.GetProperty("succeeded").GetBoolean(), ok.ToString());
        Assert.Equal("operator", ok.GetProperty("trigger").GetString());
        Assert.Equal(TestHub.AdminUser, ok.GetProperty("checkedBy").GetString());
        Assert.Equal(ok.GetProperty("checkedAt").GetDateTimeOffset(), ok.GetProperty("lastSuccessAt").GetDateTimeOffset());

        // The national portal is not running in this rig: a Transient failure, remembered since when it fails.
        var down = await (await rig.Admin.PostAsync("api/connectors/national-portal/check", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(down.GetProperty("succeeded").GetBoolean());
        Assert.Equal("Transient", down.GetProperty("failureKind").GetString());
        var since = down.GetProperty("failingSince").GetDateTimeOffset();
        var again = await (await rig.Admin.PostAsync("api/connectors/national-portal/check", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(since, again.GetProperty("failingSince").GetDateTimeOffset());
        Assert.True(again.GetProperty("checkedAt").GetDateTimeOffset() > since);

        using var anonymous = new HttpClient { BaseAddress = rig.Hub.BaseAddress };
        var connectivity = await anonymous.GetAsync("health/connectivity");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, connectivity.StatusCode);
        Assert.Contains("national-portal", await connectivity.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("health/ready")).StatusCode);

        var listed = await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate");
        Assert.True(listed.GetProperty("lastCheck").GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task Calls_failures_by_kind_latency_and_circuit_of_the_last_hour_are_listed_after_real_calls()
    {
        await using var rig = await PaymentRig.StartAsync(cluster, settings => settings["Hub:Delivery:MaxRetryBackoff"] = "00:00:02");
        var quiet = (await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate")).GetProperty("calls");
        Assert.Equal(0, quiet.GetProperty("lastHourCalls").GetInt64());
        Assert.Equal(JsonValueKind.Null, quiet.GetProperty("p50Ms").ValueKind);
        Assert.Equal("Closed", quiet.GetProperty("circuit").GetString());

        // iGate answers 500 to an evaluation's first delivery attempts, then recovers and the evaluation is delivered.
        rig.Sandboxes.FailIGate(true);
        using var partner = InboundRestTests.PartnerClient(rig.Hub);
        Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation("calls-1", rig.MaHoSo)))).StatusCode);
        await Eventually.ReturnsAsync(() => Task.FromResult(rig.Sandboxes.IGate.FaultCounts().Values.Sum()), n => n > 0, Patience, "a failed call to iGate");
        rig.Sandboxes.FailIGate(false);
        await Eventually.ReturnsAsync(() => PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "delivered"), n => n == 1, Patience, "the evaluation delivered");

        var calls = (await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate")).GetProperty("calls");
        var injected = rig.Sandboxes.IGate.FaultCounts().GetValueOrDefault(SandboxFaultKind.ServerError);
        var byKind = calls.GetProperty("failuresByKind").EnumerateObject().ToDictionary(k => k.Name, k => k.Value.GetInt64());
        Assert.Equal(injected, byKind["server_error"]);
        Assert.Equal(byKind.Values.Sum(), calls.GetProperty("lastHourFailures").GetInt64());
        Assert.True(calls.GetProperty("lastHourCalls").GetInt64() > calls.GetProperty("lastHourFailures").GetInt64(), calls.ToString());
        Assert.True(calls.GetProperty("p50Ms").GetDouble() > 0, calls.ToString());
        Assert.True(calls.GetProperty("p99Ms").GetDouble() >= calls.GetProperty("p50Ms").GetDouble(), calls.ToString());
        Assert.Equal("Closed", calls.GetProperty("circuit").GetString());

        // The list carries the same object for every connector; one never called has none.
        var listed = await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors");
        Assert.All(listed.EnumerateArray(), c => Assert.Equal(JsonValueKind.Object, c.GetProperty("calls").ValueKind));
        var portal = listed.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "national-portal").GetProperty("calls");
        Assert.Equal(0, portal.GetProperty("lastHourCalls").GetInt64());
    }

    [Fact]
    public async Task Connectors_are_checked_on_their_schedule_without_anyone_asking()
    {
        await using var rig = await PaymentRig.StartAsync(cluster, settings => settings["Hub:Connectivity:Schedule"] = "0/2 * * * * ?");

        var checkedIds = await Eventually.ReturnsAsync(
            async () => (await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors")).EnumerateArray()
                .Where(c => c.GetProperty("lastCheck").ValueKind == JsonValueKind.Object && c.GetProperty("lastCheck").GetProperty("trigger").GetString() == "schedule")
                .Select(c => c.GetProperty("id").GetString()!)
                .ToList(),
            ids => ids.Count == RegisteredModules.ConnectorIds.Count, Patience, "every connector checked by the schedule");

        var igate = (await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate")).GetProperty("lastCheck");
        Assert.True(igate.GetProperty("succeeded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, igate.GetProperty("checkedBy").ValueKind);
        Assert.Contains("payment-platform", checkedIds);
    }
}
