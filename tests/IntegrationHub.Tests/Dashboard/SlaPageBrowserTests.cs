using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Sla;
using Microsoft.Playwright;
using Npgsql;

namespace IntegrationHub.Tests.Dashboard;

/// <summary>The SLA page in headless chromium: reached from the Flows page, the share on time per month and per day of
/// a flow with an SLA (working-hour deadlines around the 30/4–1/5 holidays), each SLA described in Vietnamese with the
/// English after it, the page then in English, and its CSV link downloads the same figures.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SlaPageBrowserTests(PostgresCluster cluster)
{
    [BrowserFact]
    public async Task An_official_reads_the_share_on_time_per_month_and_day_and_downloads_the_CSV()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using (var db = NpgsqlDataSource.Create(connectionString))
        {
            await (await SlaSeed.MigrateAsync(db)).HolidayWeekAsync();
            // 1/4 reconciled the next night: the payments SLA counts from that first reconciliation (history from before
            // the hub's install day).
            await using var reconciled = db.CreateCommand("""
                insert into hub.reconciliations (day, started_at, completed_at, trigger, matched, missing_in_hub, missing_at_platform, amount_mismatch, status_mismatch)
                values ('2026-04-01', '2026-04-01 18:29:00+00', '2026-04-01 18:30:00+00', 'schedule', 0, 0, 0, 0, 0)
                """);
            await reconciled.ExecuteNonQueryAsync();
        }

        var settings = TestHub.BaseSettings(connectionString);
        settings[$"Flows:{SlaSeed.Flow}:Sla:Kind"] = "delivered-within";
        settings[$"Flows:{SlaSeed.Flow}:Sla:WorkingHours"] = "2";
        // The payments flow's reconciled-by SLA as config/flows.json ships it: a section of its own.
        settings.Remove("Flows:payments:Sla:Enabled");
        await using var hub = await TestHub.StartAsync(settings, "Production");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            HttpCredentials = new HttpCredentials { Username = TestHub.AdminUser, Password = TestHub.AdminPassword },
            ViewportSize = new ViewportSize { Width = 1400, Height = 1200 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(hub.BaseAddress, "hangfire").ToString());
        await page.ClickAsync("text=Luồng dữ liệu");
        await page.ClickAsync("#sla-link");
        Assert.Equal("Cam kết chất lượng tích hợp (SLA): tỷ lệ đúng hạn", await page.InnerTextAsync("h1.page-header"));

        await page.GotoAsync(new Uri(hub.BaseAddress, "hangfire/sla?month=2026-04").ToString());
        var flow = page.Locator($".sla-flow[data-flow='{SlaSeed.Flow}']");
        var april = flow.Locator(".sla-months tr[data-period='2026-04']");
        // The whole month: also the record read on 27/4 and delivered in June, late.
        Assert.Equal(["5", "2", "2", "1"], [await april.Locator(".due").InnerTextAsync(), await april.Locator(".on-time").InnerTextAsync(),
            await april.Locator(".late").InnerTextAsync(), await april.Locator(".open").InnerTextAsync()]);
        Assert.StartsWith("40", await april.Locator(".share").InnerTextAsync(), StringComparison.Ordinal);
        // The SLA in Vietnamese, its English (the API's and the alerts' wording) after it.
        Assert.Equal("mọi bản ghi đã đọc đến được tất cả các đích trong vòng 2 giờ làm việc", await flow.Locator(".sla-description").InnerTextAsync());
        Assert.Equal("(every record read reaches all destinations within 2 working hours)", await flow.Locator(".sla-description-en").InnerTextAsync());
        var payments = page.Locator(".sla-flow[data-flow='payments'][data-kind='reconciled-by'][data-target='06:00']");
        Assert.Equal("dữ liệu mỗi ngày được đối soát xong chậm nhất 06:00 ngày làm việc kế tiếp", await payments.Locator(".sla-description").InnerTextAsync());
        // 1/4 reconciled on time; nothing after: each of April's other 29 days is open past its deadline.
        Assert.Equal("29", await payments.Locator(".sla-months tr[data-period='2026-04'] .open").InnerTextAsync());
        var wednesday = flow.Locator(".sla-days tr[data-period='2026-04-29']");
        Assert.Equal("3", await wednesday.Locator(".due").InnerTextAsync());
        Assert.Equal("1", await wednesday.Locator(".open").InnerTextAsync());
        Assert.Equal(30, await flow.Locator(".sla-days tbody tr").CountAsync());

        // The link is the admin API's CSV (as the other pages' CSV links are): fetched with an admin login.
        var link = await flow.Locator("a.sla-csv").GetAttributeAsync("href");
        Assert.Equal("/api/sla?flow=procedures&from=2026-01-01&to=2026-04-30&format=csv", link);
        using var admin = TestHub.AdminClient(hub);
        var csv = await admin.GetStringAsync(link!.TrimStart('/'));
        Assert.Contains("procedures,delivered-within,2026-04,5,2,2,1,0,0,0.4", csv, StringComparison.Ordinal);
        Assert.Contains("procedures,delivered-within,2026-04-29,3,1,1,1,0,0,0.3333", csv, StringComparison.Ordinal);

        await page.ClickAsync("#language-switch");
        Assert.Equal("Integration SLAs: share on time", await page.InnerTextAsync("h1.page-header"));
        Assert.Equal("every record read reaches all destinations within 2 working hours", await flow.Locator(".sla-description").InnerTextAsync());
        Assert.Equal(0, await flow.Locator(".sla-description-en").CountAsync());
        Directory.CreateDirectory("TestResults");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("TestResults", "dashboard-sla-en.png"), FullPage = true });
    }
}
