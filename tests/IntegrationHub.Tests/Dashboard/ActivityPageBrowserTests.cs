using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IntegrationHub.Tests.Dashboard;

/// <summary>The overview page in headless chromium: throughput and failures per flow and hour, drawn with the
/// dashboard's Chart.js from the hourly counters, over 24 hours and 7 days, hours in local time, Vietnamese then English.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ActivityPageBrowserTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [BrowserFact]
    public async Task An_admin_reads_the_hours_throughput_of_a_run_in_the_charts_and_totals_in_both_windows()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 30);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        await using var hub = await TestHub.StartAsync(settings, "Production");
        using var api = TestHub.AdminClient(hub);

        await FlowRuns.RunAsync(api, "procedures");
        await Eventually.ReturnsAsync(() => DeliveredAsync(api, "24h"), n => n == 30, Patience, "30 deliveries in this hour's counters");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            HttpCredentials = new HttpCredentials { Username = TestHub.AdminUser, Password = TestHub.AdminPassword },
            ViewportSize = new ViewportSize { Width = 1400, Height = 1200 },
        });
        var page = await context.NewPageAsync();
        var before = LocalHour(DateTimeOffset.UtcNow);
        await page.GotoAsync(new Uri(hub.BaseAddress, "hangfire").ToString());
        await page.ClickAsync("text=Luồng dữ liệu");
        await page.ClickAsync("#activity-link");
        Assert.Equal("Tổng quan: lưu lượng và lỗi", await page.InnerTextAsync("h1.page-header"));

        // The totals and the drawn series say the same as the API; the last hour is this local hour.
        var procedures = page.Locator("tr.activity[data-flow='procedures']");
        Assert.Equal("30", await procedures.Locator(".received").InnerTextAsync());
        Assert.Equal("30", await procedures.Locator(".delivered").InnerTextAsync());
        Assert.Equal("0", await procedures.Locator(".dead-lettered").InnerTextAsync());
        await page.WaitForFunctionAsync("() => window.hubCharts && window.hubCharts.length === 2");
        Assert.Equal(30, await DrawnAsync(page, "procedures"));
        var labels = await page.EvaluateAsync<string[]>("() => window.hubCharts[0].data.labels");
        Assert.Equal(24, labels.Length);
        Assert.Contains(labels[^1], new[] { before, LocalHour(DateTimeOffset.UtcNow) });
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.hubCharts[1].data.datasets.length"));

        await page.ClickAsync("a.window-7d");
        await page.WaitForFunctionAsync("() => window.hubCharts && window.hubCharts[0].data.labels.length === 168");
        Assert.Equal(30, await DrawnAsync(page, "procedures"));
        Assert.Equal(await DeliveredAsync(api, "7d"), await DrawnAsync(page, "procedures"));

        await page.ClickAsync("#language-switch");
        Assert.Equal("Overview: throughput and failures", await page.InnerTextAsync("h1.page-header"));
        Directory.CreateDirectory("TestResults");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("TestResults", "dashboard-activity-en.png"), FullPage = true });
    }

    private static string LocalHour(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("HH:00", CultureInfo.InvariantCulture);

    private static Task<int> DrawnAsync(IPage page, string flowId) =>
        page.EvaluateAsync<int>("flow => window.hubCharts[0].data.datasets.filter(d => d.label === flow).reduce((sum, d) => sum + d.data.reduce((a, b) => a + b, 0), 0)", flowId);

    private static async Task<long> DeliveredAsync(HttpClient api, string window)
    {
        var activity = await api.GetFromJsonAsync<JsonElement>($"api/flows/procedures/activity?window={window}");
        return activity.GetProperty("flows").EnumerateArray().Single().GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("delivered").GetInt64());
    }
}
