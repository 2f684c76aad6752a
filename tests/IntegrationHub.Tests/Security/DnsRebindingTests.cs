using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Host;
using IntegrationHub.Connectors.PopulationDb.Citizens;
using IntegrationHub.Tests.Flows;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Security;

/// <summary>Development lets loopback in without a login. A page of another site whose name was rebound to 127.0.0.1
/// (Host and Origin <c>evil.example:5080</c>), a page of another site on a loopback address, and any request through a
/// proxy (which makes every caller loopback) must log in like everyone else: 401 with the Basic challenge.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DnsRebindingTests(PostgresCluster cluster)
{
    private const string Rebound = "evil.example:5080";
    private const string PersonalId = "056085123485";
    private const string Reason = "Đối chiếu khiếu nại số 12/2026";

    [Fact]
    public async Task A_DNS_rebinding_replay_in_development_is_refused_and_replays_nothing()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 20);
        var rejected = sandboxes.National.ProcedureCodes[3];
        sandboxes.IGate.SetRejectCodes([rejected]);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        await using var hub = await TestHub.StartAsync(settings, "Development");
        using var admin = TestHub.AdminClient(hub);
        await admin.PostAsync("api/flows/procedures/run", null);
        await Eventually.ReturnsAsync(() => ProceduresFlowTests.GetFlowAsync(admin),
            f => f.GetProperty("counts").GetProperty("deadLettered").GetInt64() == 1 && f.GetProperty("counts").GetProperty("pending").GetInt64() == 0,
            TimeSpan.FromSeconds(60), "one dead letter");
        sandboxes.IGate.SetRejectCodes([]);

        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        using var replay = Rebinding(HttpMethod.Post, "api/dead-letters/replay");
        replay.Content = JsonContent.Create(new { flow = "procedures", reason = "rebinding" });
        var response = await anonymous.SendAsync(replay);

        AssertChallenged(response);
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("api/dead-letters?flow=procedures")).GetProperty("total").GetInt32());
        var history = await admin.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={rejected}");
        Assert.DoesNotContain("replayed", history.GetProperty("messages")[0].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task A_DNS_rebinding_reveal_in_development_is_refused_and_reveals_nothing()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database), "Development");
        var id = await SeedLookupAsync(hub);
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };

        using var reveal = Rebinding(HttpMethod.Post, $"api/citizen-lookups/{id}/reveal");
        reveal.Content = JsonContent.Create(new { reason = Reason });
        var response = await anonymous.SendAsync(reveal);

        AssertChallenged(response);
        Assert.DoesNotContain(PersonalId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await RevealCountAsync(database));
    }

    [Fact]
    public async Task A_loopback_host_is_still_anonymous_in_development()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database), "Development");
        var id = await SeedLookupAsync(hub);
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        var port = hub.BaseAddress.Port;

        foreach (var host in new[] { $"127.0.0.1:{port}", $"localhost:{port}", $"[::1]:{port}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/flows");
            request.Headers.Host = host;
            Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(request)).StatusCode);
        }

        // The dashboard's own page posting to its own loopback address.
        using var reveal = new HttpRequestMessage(HttpMethod.Post, $"api/citizen-lookups/{id}/reveal") { Content = JsonContent.Create(new { reason = Reason }) };
        reveal.Headers.Host = $"localhost:{port}";
        reveal.Headers.Add("Origin", $"http://localhost:{port}");
        var revealed = await anonymous.SendAsync(reveal);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal(PersonalId, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personalId").GetString());
        Assert.Equal(1L, await RevealCountAsync(database));
    }

    [Fact]
    public async Task A_page_of_another_site_gets_no_anonymous_access_on_a_loopback_host_in_development()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()), "Development");
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };

        foreach (var (header, value) in new[] { ("Origin", "http://evil.example"), ("Origin", "null"), ("Referer", "http://evil.example/attack.html") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/flows");
            request.Headers.TryAddWithoutValidation(header, value);
            AssertChallenged(await anonymous.SendAsync(request));
        }
    }

    [Fact]
    public async Task A_request_through_a_proxy_is_never_anonymous_in_development()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Hub:Http:TrustedProxies:0"] = "127.0.0.1";
        await using var hub = await TestHub.StartAsync(settings, "Development");
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };

        // A proxy on the same machine forwarding a local caller, a standard Forwarded header, a forwarded Host.
        foreach (var (header, value) in new[] { ("X-Forwarded-For", "127.0.0.1"), ("Forwarded", "for=127.0.0.1;proto=http"), ("X-Forwarded-Host", "127.0.0.1") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/flows");
            request.Headers.TryAddWithoutValidation(header, value);
            AssertChallenged(await anonymous.SendAsync(request));

            using var withLogin = new HttpRequestMessage(HttpMethod.Get, "api/flows");
            withLogin.Headers.TryAddWithoutValidation(header, value);
            withLogin.Headers.Authorization = LoopbackClient.Basic(TestHub.AdminUser, TestHub.AdminPassword);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(withLogin)).StatusCode);
        }
    }

    /// <summary>What a page of evil.example sends once its name resolves to 127.0.0.1: its own Host and Origin.</summary>
    private static HttpRequestMessage Rebinding(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = Rebound;
        request.Headers.Add("Origin", $"http://{Rebound}");
        return request;
    }

    private static void AssertChallenged(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private static Task<long> SeedLookupAsync(HubHost hub) =>
        hub.Services.GetRequiredService<CitizenLookupStore>().AddAsync(new CitizenLookupEntry(DateTimeOffset.UtcNow, "flow:citizen-checks", "citizen-checks", null, "HS-1",
            PersonalId, "hash", "match", [], null, 12, """{"MaHoSo":"HS-1"}"""), CancellationToken.None);

    private static async Task<long> RevealCountAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from hub.citizen_lookup_reveals", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
