using IntegrationHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IntegrationHub.Tests.ApiDocs;

/// <summary>The API reference at <c>/docs</c> in headless chromium: it renders the hub's document from what the hub
/// itself serves, without one request to another host (the hub's machines have no internet).</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiReferenceBrowserTests(PostgresCluster cluster)
{
    [BrowserFact]
    public async Task The_docs_page_renders_the_reference_without_any_external_request()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()), "Production");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            HttpCredentials = new HttpCredentials { Username = TestHub.AdminUser, Password = TestHub.AdminPassword },
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });

        // Every request the page makes is recorded; one to another host is cut off (and fails the test below).
        var requested = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var hubOrigin = hub.BaseAddress.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync("**/*", async route =>
        {
            requested.Enqueue(route.Request.Url);
            if (route.Request.Url.StartsWith(hubOrigin, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                await route.AbortAsync("blockedbyclient");
            }
        });

        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(hub.BaseAddress, "docs").ToString());

        // The reference rendered the document: its title, and operations of a partner and of the admin API.
        await page.GetByText("IntegrationHub API").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await page.GetByText("Partner push").First.ClickAsync();
        await page.GetByText("dvcqg: danh-gia").First.WaitForAsync();
        await page.GetByText("Flows", new PageGetByTextOptions { Exact = true }).First.ClickAsync();
        await page.GetByText("Every flow: state, schedule, next run, last run and counts").First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Directory.CreateDirectory("TestResults");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "TestResults/api-docs.png" });

        Assert.DoesNotContain(requested, url => !url.StartsWith(hubOrigin, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal));
        Assert.Contains(requested, url => url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        Assert.Empty(errors);
    }
}
