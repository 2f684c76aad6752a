using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IntegrationHub.Tests.Infrastructure;
using Xunit;

namespace IntegrationHub.Tests.Admin;

/// <summary>The dashboard and admin API over real HTTP: 401 for anonymous requests outside Development or from a
/// non-loopback peer (seen through a trusted proxy's X-Forwarded-For), 200 with the configured login.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AdminAccessTests(PostgresCluster cluster)
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task Outside_development_anonymous_requests_get_401_and_the_login_gets_200(string environment)
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        await using var hub = await TestHub.StartAsync(settings, environment);
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        using var admin = TestHub.AdminClient(hub);

        foreach (var path in new[] { "api/flows", "hangfire", "hangfire/jobs/succeeded" })
        {
            var denied = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
            Assert.Contains("Basic", denied.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        }

        using var wrong = new HttpClient { BaseAddress = hub.BaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestHub.AdminUser}:not-the-password")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("api/flows")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("api/flows/procedures/run", null)).StatusCode);

        // Health stays open for probes.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("health/live")).StatusCode);
    }

    [Fact]
    public async Task In_development_loopback_is_anonymous_but_a_remote_client_behind_the_proxy_must_log_in()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Hub:Http:TrustedProxies:0"] = "127.0.0.1";
        await using var hub = await TestHub.StartAsync(settings, "Development");
        using var local = new HttpClient { BaseAddress = hub.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("api/flows")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("hangfire")).StatusCode);

        foreach (var path in new[] { "api/flows", "hangfire" })
        {
            using var remote = new HttpRequestMessage(HttpMethod.Get, path);
            remote.Headers.Add("X-Forwarded-For", "203.0.113.9");
            Assert.Equal(HttpStatusCode.Unauthorized, (await local.SendAsync(remote)).StatusCode);

            using var remoteWithLogin = new HttpRequestMessage(HttpMethod.Get, path);
            remoteWithLogin.Headers.Add("X-Forwarded-For", "203.0.113.9");
            remoteWithLogin.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestHub.AdminUser}:{TestHub.AdminPassword}")));
            Assert.Equal(HttpStatusCode.OK, (await local.SendAsync(remoteWithLogin)).StatusCode);
        }
    }

    [Fact]
    public async Task Admin_actions_from_another_site_are_refused_even_with_the_login()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        await using var hub = await TestHub.StartAsync(settings, "Development");
        using var admin = TestHub.AdminClient(hub);

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "api/flows/procedures/run");
        crossSite.Headers.Add("Origin", "http://attacker.example");
        var refused = await admin.SendAsync(crossSite);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("cross_site_request", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var fetched = new HttpRequestMessage(HttpMethod.Post, "api/flows/procedures/run");
        fetched.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(fetched)).StatusCode);

        // The dashboard's own actions need its antiforgery token.
        var forged = await admin.PostAsync("hangfire/jobs/failed/delete", new FormUrlEncodedContent([new("jobs[]", "1")]));
        Assert.False(forged.IsSuccessStatusCode, $"forged dashboard action answered {forged.StatusCode}");
        var forgedReplay = await admin.PostAsync("hangfire/dead-letters/act",
            new FormUrlEncodedContent([new("flow", "procedures"), new("action", "replay"), new("reason", "forged")]));
        Assert.Equal(HttpStatusCode.Forbidden, forgedReplay.StatusCode);

        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "api/flows/procedures/run");
        sameSite.Headers.Add("Origin", hub.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.Accepted, (await admin.SendAsync(sameSite)).StatusCode);
    }
}
