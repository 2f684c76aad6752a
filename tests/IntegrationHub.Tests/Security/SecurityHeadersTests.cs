using IntegrationHub.Tests.Infrastructure;
using Xunit;

namespace IntegrationHub.Tests.Security;

/// <summary>The dashboard's forms act on messages (replay, discard, reveal): another site must not frame it, and admin
/// answers holding personal data must not be kept in a browser or proxy cache.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SecurityHeadersTests(PostgresCluster cluster)
{
    [Fact]
    public async Task The_dashboard_cannot_be_framed_and_admin_answers_are_not_cached()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));
        using var admin = TestHub.AdminClient(hub);

        foreach (var path in new[] { "hangfire", "api/flows", "api/dead-letters" })
        {
            var answer = await admin.GetAsync(path);
            Assert.True(answer.IsSuccessStatusCode, path);
            Assert.Equal("DENY", Assert.Single(answer.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
            Assert.Contains("frame-ancestors 'none'", string.Join(";", answer.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.True(answer.Headers.CacheControl?.NoStore == true, $"{path}: Cache-Control {answer.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task With_AllowedHosts_set_a_request_for_another_host_name_is_refused()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["AllowedHosts"] = "hub.example;127.0.0.1";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = new HttpClient { BaseAddress = hub.BaseAddress };

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("soap/inbound?wsdl")).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "soap/inbound?wsdl");
        forged.Headers.Host = "evil.example";
        var answer = await client.SendAsync(forged);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.DoesNotContain("evil.example", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
