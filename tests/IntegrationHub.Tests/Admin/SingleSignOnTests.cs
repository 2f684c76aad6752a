using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;
using Xunit;

namespace IntegrationHub.Tests.Admin;

/// <summary>Dashboard sign-in through an OpenID Connect provider over 127.0.0.1 (discovery, JWKS, code flow with PKCE,
/// a signed id_token): the SSO's groups become hub roles through the role map, the signed-in officer acts under their
/// own name, an SSO user the map gives no role is refused, and the API without a login still answers 401.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SingleSignOnTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Sso_groups_become_roles_and_the_signed_in_officer_acts_under_their_own_name()
    {
        await using var sso = await TestOpenIdProvider.StartAsync();
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Hub:Admin:Oidc:Authority"] = sso.Authority;
        settings["Hub:Admin:Oidc:ClientId"] = TestOpenIdProvider.ClientId;
        settings["Hub:Admin:Oidc:ClientSecret"] = TestOpenIdProvider.ClientSecret;
        settings["Hub:Admin:Oidc:RoleClaim"] = "groups";
        settings["Hub:Admin:Oidc:RoleMap:TTTH-GiamSat:0"] = "viewer";
        settings["Hub:Admin:Oidc:RoleMap:TTTH-VanHanh:0"] = "operator";
        await using var hub = await TestHub.StartAsync(settings);
        await DeadLetterSeed.AddAsync(hub, "procedures", "igate:procedures", [("TTHC-SSO-1", "no such procedure")]);

        // No login: the dashboard sends the browser to the SSO, the API answers 401 with the Basic challenge.
        using (var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = hub.BaseAddress })
        {
            var dashboard = await anonymous.GetAsync("hangfire");
            Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
            Assert.StartsWith($"{sso.Authority}/authorize?", dashboard.Headers.Location!.ToString(), StringComparison.Ordinal);
            var api = await anonymous.GetAsync("api/flows");
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            Assert.Contains("Basic", api.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        sso.User = new SsoUser("ttg@tinh.gov.vn", "Trương Thị Giám", ["TTTH-GiamSat", "So-NoiVu"]);
        using var viewer = await SignInAsync(hub.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("api/dead-letters?flow=procedures")).StatusCode);
        await OfficerRolesTests.AssertRoleRequiredAsync(await viewer.PostAsJsonAsync("api/dead-letters/replay", new { flow = "procedures", reason = "try again" }), "operator");

        sso.User = new SsoUser("nva@tinh.gov.vn", "Nguyễn Văn An", ["TTTH-VanHanh"]);
        using var @operator = await SignInAsync(hub.BaseAddress);
        var replay = await @operator.PostAsJsonAsync("api/dead-letters/replay", new { flow = "procedures", reason = "procedure published again" });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("Nguyễn Văn An (nva@tinh.gov.vn)", (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("operator").GetString());

        sso.User = new SsoUser("kt@tinh.gov.vn", "Kế Toán", ["So-TaiChinh"]);
        using var stranger = await SignInAsync(hub.BaseAddress, expectDashboard: false);
        await OfficerRolesTests.AssertRoleRequiredAsync(await stranger.GetAsync("hangfire"), "viewer");
        await OfficerRolesTests.AssertRoleRequiredAsync(await stranger.GetAsync("api/flows"), "viewer");
        Assert.Equal(3, sso.TokensIssued);

        // The configured accounts still work beside the SSO, for scripts and the API.
        using var admin = TestHub.AdminClient(hub);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("api/flows")).StatusCode);
    }

    /// <summary>A browser's way in: the dashboard, the SSO's authorize endpoint, the hub's callback (which redeems the
    /// code), back at the dashboard with the hub's cookie.</summary>
    private static async Task<HttpClient> SignInAsync(Uri hub, bool expectDashboard = true)
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true, CookieContainer = new CookieContainer() }) { BaseAddress = hub };
        var landing = await browser.GetAsync("hangfire");
        Assert.Equal("/hangfire", landing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(expectDashboard ? HttpStatusCode.OK : HttpStatusCode.Forbidden, landing.StatusCode);
        return browser;
    }
}
