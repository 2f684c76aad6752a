using IntegrationHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IntegrationHub.Tests.Security;

/// <summary>The dashboard's own form posts from the Development demo, without a login: the Referrer-Policy must not
/// make the browser send "Origin: null" (which the cross-site and DNS-rebinding checks refuse).</summary>
[Collection(PostgresCollection.Name)]
public sealed class DevelopmentDashboardFormTests(PostgresCluster cluster)
{
    [BrowserFact]
    public async Task A_dashboard_form_posted_from_the_development_demo_without_a_login_is_accepted()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()), "Development");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var opened = await page.GotoAsync(new Uri(hub.BaseAddress, "hangfire/dead-letters?flow=dossiers&lang=en").ToString());
        Assert.Equal(200, opened!.Status);
        await page.FillAsync("#reason", "checking the demo's replay form");
        var posted = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#replay"), r => r.Request.Method == "POST");

        // The dispatcher answers with a redirect back to the page and its outcome; a refusal would be 401 or 403.
        Assert.Equal(302, posted.Status);
        var outcome = await page.InnerTextAsync("#action-done, #action-error");
        Assert.True(outcome.Contains("Replayed 0 message(s)", StringComparison.Ordinal), outcome);
        Assert.Equal("http://127.0.0.1", new Uri(await posted.Request.HeaderValueAsync("origin") ?? "null", UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } origin ? $"{origin.Scheme}://{origin.Host}" : "null");
    }
}
