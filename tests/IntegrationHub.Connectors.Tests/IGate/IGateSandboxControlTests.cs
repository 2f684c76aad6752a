using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate;
using Xunit;
using static IntegrationHub.Connectors.Tests.IGate.NationalProcedurePayloads;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>The sandbox's own surface: authentication, validation, and the /sandbox control endpoints.</summary>
public sealed class IGateSandboxControlTests
{
    [Fact]
    public async Task Calls_without_the_api_key_get_401_with_a_json_error()
    {
        await using var rig = await IGateTestRig.StartAsync();

        using var response = await rig.Http.GetAsync(new Uri(rig.BaseAddress, "api/v1/ping"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("IGATE-401", (string?)error!["errorCode"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["errorMessage"]));
    }

    [Fact]
    public async Task A_body_that_is_not_a_batch_gets_400()
    {
        await using var rig = await IGateTestRig.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(rig.BaseAddress, "api/v1/procedures/batch"))
        {
            Content = new StringContent("""{"data":[]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", IGateTestRig.ApiKey);

        using var response = await rig.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("IGATE-400", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["errorCode"]);
    }

    [Fact]
    public async Task Stats_are_served_as_json_with_write_counts_on_request()
    {
        await using var rig = await IGateTestRig.StartAsync();
        await rig.Connector().WriteAsync("procedures", Batch(2), CancellationToken.None);

        var stats = await rig.Http.GetFromJsonAsync<JsonObject>(new Uri(rig.BaseAddress, "sandbox/stats"));
        var detailed = await rig.Http.GetFromJsonAsync<JsonObject>(new Uri(rig.BaseAddress, "sandbox/stats?details=true"));

        Assert.Equal(2, (int?)stats!["totalAppliedWrites"]);
        Assert.Equal(1, (int?)stats["maxWritesPerCode"]);
        Assert.False(stats.ContainsKey("writeCounts"));
        Assert.Equal(1, (int?)detailed!["writeCounts"]![Code(2)]);
    }

    [Fact]
    public async Task A_stored_procedure_can_be_fetched_by_code()
    {
        await using var rig = await IGateTestRig.StartAsync();
        await rig.Connector().WriteAsync("procedures", Batch(1), CancellationToken.None);

        var found = await rig.Http.GetFromJsonAsync<JsonObject>(new Uri(rig.BaseAddress, $"sandbox/procedures/{Code(1)}"));
        using var missing = await rig.Http.GetAsync(new Uri(rig.BaseAddress, $"sandbox/procedures/{Code(2)}"));

        Assert.Equal(Code(1), (string?)found!["code"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Faults_can_be_switched_at_runtime_and_never_hit_the_control_surface()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();

        using (var put = await rig.Http.PutAsJsonAsync(new Uri(rig.BaseAddress, "sandbox/faults"), new { failureRate = 1.0, serverErrorWeight = 1, tooManyRequestsWeight = 0, timeoutWeight = 0 }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await Assert.ThrowsAsync<IntegrationHub.Contracts.ConnectorException>(() => connector.WriteAsync("procedures", Batch(1), CancellationToken.None));
        using (var stats = await rig.Http.GetAsync(new Uri(rig.BaseAddress, "sandbox/stats")))
        {
            Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        }

        using (var put = await rig.Http.PutAsJsonAsync(new Uri(rig.BaseAddress, "sandbox/faults"), new { failureRate = 0.0 }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.True(Assert.Single(await connector.WriteAsync("procedures", Batch(1), CancellationToken.None)).Delivered);
        Assert.Equal(0.0, rig.Sandbox.Faults.FailureRate);
    }

    [Fact]
    public async Task Invalid_fault_settings_are_refused()
    {
        await using var rig = await IGateTestRig.StartAsync();

        using var put = await rig.Http.PutAsJsonAsync(new Uri(rig.BaseAddress, "sandbox/faults"), new { failureRate = 2.0 });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(0.0, rig.Sandbox.Faults.FailureRate);
    }

    [Fact]
    public async Task Reject_codes_can_be_replaced_over_http()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();

        using (var put = await rig.Http.PutAsJsonAsync(new Uri(rig.BaseAddress, "sandbox/reject-codes"), new[] { Code(1) }))
        {
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        var rejected = Assert.Single(await connector.WriteAsync("procedures", Batch(1), CancellationToken.None));
        using (var put = await rig.Http.PutAsJsonAsync(new Uri(rig.BaseAddress, "sandbox/reject-codes"), Array.Empty<string>()))
        {
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        var accepted = Assert.Single(await connector.WriteAsync("procedures", Batch(1), CancellationToken.None));

        Assert.Equal("IGATE-422", rejected.Failure?.Code);
        Assert.True(accepted.Delivered);
    }

    [Fact]
    public async Task The_sandbox_refuses_to_start_without_an_api_key()
    {
        await using var sandbox = new IGateSandbox(new IGateSandboxOptions());

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => sandbox.StartAsync(CancellationToken.None));

        Assert.Contains("ApiKey", ex.Message, StringComparison.Ordinal);
    }
}
