using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.NationalPortal.Sandbox;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IntegrationHub.Tests.Dashboard;

/// <summary>The dashboard as an admin uses it, in headless chromium: log in, find a dossier's history by MaHoSo, replay
/// its dead letter with a reason, and see the replay and the delivery in the history; in Vietnamese by default, in
/// English after <c>?lang=en</c>, times in local time (UTC+07:00).</summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardBrowserTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [BrowserFact]
    public async Task An_admin_logs_in_finds_a_dossier_by_MaHoSo_and_replays_its_dead_letter_with_a_reason_in_Vietnamese_then_reads_its_history_in_English()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync(rejectEveryNth: 10);
        var codes = sandboxes.IGate.Dossiers.Generate(60, 2);
        var rule = new NationalPortalRejectRule { RejectEveryNth = 10 };
        var rejectedCount = codes.Count(rule.Rejects);
        var rejected = codes.First(rule.Rejects);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        await using var hub = await TestHub.StartAsync(settings, "Production");
        using var api = TestHub.AdminClient(hub);
        await api.PostAsync("api/flows/dossiers/run", null);
        await Eventually.ReturnsAsync(() => FlowAsync(api, "dossiers"),
            f => Count(f, "deadLettered") == rejectedCount && Count(f, "delivered") == codes.Count - rejectedCount,
            Patience, "the rejected dossiers dead-lettered");
        sandboxes.National.SetRejectRule(new NationalPortalRejectRule { RejectEveryNth = 0 });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        // Without the login the dashboard does not open: the browser is asked for credentials and has none.
        await using (var anonymous = await browser.NewContextAsync())
        {
            var denied = await Assert.ThrowsAsync<PlaywrightException>(async () => await (await anonymous.NewPageAsync()).GotoAsync(new Uri(hub.BaseAddress, "hangfire").ToString()));
            Assert.Contains("ERR_INVALID_AUTH_CREDENTIALS", denied.Message, StringComparison.Ordinal);
        }

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            HttpCredentials = new HttpCredentials { Username = TestHub.AdminUser, Password = TestHub.AdminPassword },
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(hub.BaseAddress, "hangfire").ToString());
        // Vietnamese by default: the menu, the page and its labels.
        await page.ClickAsync("text=Thông điệp");
        Assert.Equal("Lịch sử thông điệp", await page.InnerTextAsync("h1.page-header"));
        Assert.Equal("Tìm", await page.InnerTextAsync("#search"));
        await page.FillAsync("#businessKey", rejected);
        await page.ClickAsync("#search");
        await page.WaitForSelectorAsync("tr.step[data-event='dead_lettered']");
        Assert.Equal("dead", await page.InnerTextAsync(".message .delivery-status"));
        Assert.Contains("Giờ là giờ địa phương (Asia/Ho_Chi_Minh, UTC+07:00)", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.Equal("Thời điểm", await page.InnerTextAsync(".message table.steps th >> nth=0"));

        // To the dead letter: its time is the API's UTC instant in local time, and a replay without a reason is refused.
        await page.ClickAsync("a.replay-or-discard");
        await page.WaitForSelectorAsync($"tr.dead-letter[data-business-key='{rejected}']");
        Assert.Equal("Thư chết", await page.InnerTextAsync("h1.page-header"));
        Assert.Equal(1, await page.Locator("tr.dead-letter").CountAsync());
        var deadSince = (await api.GetFromJsonAsync<JsonElement>($"api/dead-letters?businessKey={rejected}")).GetProperty("items")[0].GetProperty("deadSince").GetDateTimeOffset();
        Assert.Equal(Local(deadSince), await page.InnerTextAsync("tr.dead-letter td.dead-since"));
        Assert.Equal("Phát lại", await page.InnerTextAsync("#replay"));
        await page.ClickAsync("#replay");
        Assert.Contains("Cần nhập lý do", await page.InnerTextAsync("#action-error"), StringComparison.Ordinal);
        Assert.Equal(rejectedCount, Count(await FlowAsync(api, "dossiers"), "deadLettered"));

        await page.FillAsync("#reason", "DVCQG fixed rule 10 (ticket 7)");
        await page.ClickAsync("#replay");
        Assert.Contains("Đã phát lại 1 thông điệp", await page.InnerTextAsync("#action-done"), StringComparison.Ordinal);

        // Only the selected dossier was replayed; the others stay dead letters.
        await Eventually.ReturnsAsync(() => FlowAsync(api, "dossiers"),
            f => Count(f, "delivered") == codes.Count - rejectedCount + 1 && Count(f, "deadLettered") == rejectedCount - 1, Patience, "the replayed dossier delivered");
        Assert.NotNull(sandboxes.National.FindDossier(rejected));

        // In English after ?lang=en, and still after it (a cookie), every step's time the API's instant in local time.
        await page.GotoAsync(new Uri(hub.BaseAddress, $"hangfire/messages?businessKey={rejected}&lang=en").ToString());
        Assert.Equal("Message history", await page.InnerTextAsync("h1.page-header"));
        Assert.Contains("Times are local (Asia/Ho_Chi_Minh, UTC+07:00)", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        var steps = (await api.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={rejected}")).GetProperty("messages")[0].GetProperty("steps").EnumerateArray()
            .Select(step => Local(step.GetProperty("at").GetDateTimeOffset())).ToArray();
        Assert.Equal(steps, await page.Locator("tr.step td.step-at").AllInnerTextsAsync());
        await page.ClickAsync("text=Dead letters");
        Assert.Equal("Dead letters", await page.InnerTextAsync("h1.page-header"));
        Assert.Equal("Filter", await page.InnerTextAsync("#filter"));
        await page.GotoAsync(new Uri(hub.BaseAddress, $"hangfire/messages?businessKey={rejected}").ToString());
        Assert.Equal("Message history", await page.InnerTextAsync("h1.page-header"));
        var events = await page.Locator("tr.step").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.event)");
        Assert.Equal(["received", "dead_lettered", "replayed", "delivered"], events);
        var replayRow = await page.InnerTextAsync("tr.step[data-event='replayed']");
        Assert.Contains(TestHub.AdminUser, replayRow, StringComparison.Ordinal);
        Assert.Contains("DVCQG fixed rule 10 (ticket 7)", replayRow, StringComparison.Ordinal);
        Directory.CreateDirectory("TestResults");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("TestResults", "dashboard-history.png"), FullPage = true });
    }

    /// <summary>An instant as the dashboard shows it: in Vietnam's time (UTC+07:00, no daylight saving).</summary>
    private static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static long Count(JsonElement flow, string name) => flow.GetProperty("counts").GetProperty(name).GetInt64();

    private static async Task<JsonElement> FlowAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>("api/flows")).EnumerateArray().Single(f => f.GetProperty("id").GetString() == id);
}
