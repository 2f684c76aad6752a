using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IntegrationHub.Tests.Dashboard;

/// <summary>The Flows pages in headless chromium: every flow with its state and next run in local time, a running flow's
/// progress, pause with a reason and resume, the flow's run history, and the switch from Vietnamese to English.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FlowsPageBrowserTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [BrowserFact]
    public async Task An_admin_watches_a_run_progress_pauses_it_with_a_reason_resumes_it_and_reads_its_history_in_Vietnamese_then_English()
    {
        // A slow portal (30 ms a call, 50 procedures a page) keeps the run going long enough to watch.
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 600, nationalFaults: new SandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(30) });
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        settings["Connectors:national-portal:PageSize"] = "50";
        settings["Connectors:national-portal:MaxParallelDetails"] = "2";
        await using var hub = await TestHub.StartAsync(settings, "Production");
        using var api = TestHub.AdminClient(hub);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            HttpCredentials = new HttpCredentials { Username = TestHub.AdminUser, Password = TestHub.AdminPassword },
            ViewportSize = new ViewportSize { Width = 1600, Height = 1200 },
        });
        var page = await context.NewPageAsync();
        var flowsUrl = new Uri(hub.BaseAddress, "hangfire/flows").ToString();

        // Vietnamese by default, every configured flow listed; the next run is shown in local time (03:00 ICT is 20:00 UTC).
        await page.GotoAsync(new Uri(hub.BaseAddress, "hangfire").ToString());
        await page.ClickAsync("text=Luồng dữ liệu");
        Assert.Equal("Luồng dữ liệu", await page.InnerTextAsync("h1.page-header"));
        var listed = await page.Locator("tr.flow").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.flow)");
        var configured = (await api.GetFromJsonAsync<JsonElement[]>("api/flows"))!.Select(f => f.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(configured.Order(), listed.Order());
        var procedures = page.Locator("tr.flow[data-flow='procedures']");
        Assert.Equal("enabled", await procedures.GetAttributeAsync("data-state"));
        Assert.Equal("2099-01-01 03:00:00", await procedures.Locator(".next-run").InnerTextAsync());
        Assert.Contains("Chưa chạy lần nào", await procedures.Locator(".flow-last-run").InnerTextAsync(), StringComparison.Ordinal);

        // Run now, then watch the progress grow while it runs.
        await ActAsync(page, flowsUrl, "procedures", "run", reason: null);
        Assert.Contains("Đã bắt đầu chạy luồng procedures", await page.InnerTextAsync("#action-done"), StringComparison.Ordinal);
        var firstSeen = await Eventually.ReturnsAsync(() => RecordsReadAsync(page), n => n > 0, Patience, "progress of the running run");
        var later = await Eventually.ReturnsAsync(() => RecordsReadAsync(page), n => n > firstSeen, Patience, "the progress to grow");
        Assert.InRange(later, firstSeen + 1, 599);
        Assert.Matches(@"^\d+:\d\d:\d\d$", await procedures.Locator(".elapsed").InnerTextAsync());

        // Pause without a reason is refused; with one, the flow shows paused, by whom, since when (local) and why.
        await ActAsync(page, flowsUrl, "procedures", "pause", reason: null);
        Assert.Contains("Cần nhập lý do", await page.InnerTextAsync("#action-error"), StringComparison.Ordinal);
        await ActAsync(page, flowsUrl, "procedures", "pause", "Cổng DVCQG bảo trì (phiếu 7)");
        Assert.Contains("Đã tạm dừng luồng procedures", await page.InnerTextAsync("#action-done"), StringComparison.Ordinal);
        Assert.Equal("paused", await procedures.GetAttributeAsync("data-state"));
        Assert.Equal("Tạm dừng", await procedures.Locator(".flow-state-label").InnerTextAsync());
        Assert.Contains("Cổng DVCQG bảo trì (phiếu 7)", await procedures.Locator(".pause-reason").InnerTextAsync(), StringComparison.Ordinal);
        var since = (await FlowRuns.FlowAsync(api, "procedures")).GetProperty("pause").GetProperty("since").GetDateTimeOffset();
        Assert.Equal($"bởi {TestHub.AdminUser} lúc {Local(since)}", await procedures.Locator(".paused-by").InnerTextAsync());
        Assert.Equal(0, await procedures.Locator("button.flow-run").CountAsync());

        // The run stops at its next commit; resume reads on from the checkpoint in a new run.
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(api, "procedures"), f => f.GetProperty("lastRun").GetProperty("status").GetString() == "paused", Patience, "the run to stop");
        await ActAsync(page, flowsUrl, "procedures", "resume", "Bảo trì xong");
        Assert.Contains("Đã tiếp tục luồng procedures", await page.InnerTextAsync("#action-done"), StringComparison.Ordinal);
        Assert.NotEqual("paused", await procedures.GetAttributeAsync("data-state"));
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(api, "procedures"),
            f => f.GetProperty("lastRun").GetProperty("trigger").GetString() == "resume" && f.GetProperty("lastRun").GetProperty("status").GetString() == "succeeded", Patience, "the resumed run");

        // The flow's page: two runs, newest first, start in local time, records and outcome.
        await page.GotoAsync(flowsUrl);
        await page.ClickAsync("tr.flow[data-flow='procedures'] a.flow-link");
        await page.WaitForSelectorAsync("tr.run");
        Assert.Equal(["succeeded", "paused"], await page.Locator("tr.run").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)"));
        var runs = (await api.GetFromJsonAsync<JsonElement[]>("api/flows/procedures/runs"))!;
        var rows = page.Locator("tr.run");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(Local(runs[i].GetProperty("start").GetDateTimeOffset()), await rows.Nth(i).Locator(".run-start").InnerTextAsync());
            Assert.Equal(runs[i].GetProperty("recordsRead").GetInt64(), long.Parse(await rows.Nth(i).Locator(".run-records-read").InnerTextAsync(), NumberStyles.Number, Vietnamese));
        }

        Assert.Equal(600, runs.Sum(r => r.GetProperty("messagesCreated").GetInt64()));
        Assert.Equal(["thành công", "dừng vì luồng tạm dừng"], await page.Locator(".run-outcome").AllInnerTextsAsync());

        // English on request, kept for the next pages (the menu too), and back.
        await page.ClickAsync("#language-switch");
        Assert.Equal("Flow procedures", await page.InnerTextAsync("h1.page-header"));
        Assert.Equal(["succeeded", "stopped by a pause"], await page.Locator(".run-outcome").AllInnerTextsAsync());
        await page.GotoAsync(flowsUrl);
        Assert.Equal("Flows", await page.InnerTextAsync("h1.page-header"));
        Assert.Equal(1, await page.Locator(".navbar a:has-text('Flows'), .list-group a:has-text('Flows')").CountAsync());
        Assert.Equal("Run now", await page.InnerTextAsync("tr.flow[data-flow='dossiers'] button.flow-run"));
        Directory.CreateDirectory("TestResults");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("TestResults", "dashboard-flows-en.png"), FullPage = true });
        await page.ClickAsync("#language-switch");
        Assert.Equal("Luồng dữ liệu", await page.InnerTextAsync("h1.page-header"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("TestResults", "dashboard-flows-vi.png"), FullPage = true });

        // Auto-refresh reloads the page by itself.
        await page.ClickAsync("#auto-refresh");
        await page.WaitForURLAsync(url => url.EndsWith("/hangfire/flows?refresh=5", StringComparison.Ordinal));
        await page.WaitForRequestAsync(r => r.IsNavigationRequest && r.Url.EndsWith("/hangfire/flows?refresh=5", StringComparison.Ordinal), new PageWaitForRequestOptions { Timeout = 15_000 });
    }

    /// <summary>Opens the Flows page afresh (no notice on it), posts the flow's form and waits for the page it lands on.</summary>
    private static async Task ActAsync(IPage page, string flowsUrl, string flowId, string action, string? reason)
    {
        await page.GotoAsync(flowsUrl);
        var form = page.Locator($"form.flow-action-form[data-flow='{flowId}']");
        if (reason is not null)
        {
            await form.Locator("input.flow-reason").FillAsync(reason);
        }

        var posted = await page.RunAndWaitForResponseAsync(() => form.Locator($"button[value='{action}']").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(302, posted.Status);
        try
        {
            await page.WaitForSelectorAsync("#action-done, #action-error", new PageWaitForSelectorOptions { Timeout = 15_000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"No outcome shown after '{action}' at {page.Url}: {await page.InnerTextAsync("body")}", e);
        }
    }

    private static async Task<long> RecordsReadAsync(IPage page)
    {
        await page.ReloadAsync();
        var progress = page.Locator("tr.flow[data-flow='procedures'] .records-read");
        return await progress.CountAsync() == 0 ? 0 : long.Parse(await progress.InnerTextAsync(), NumberStyles.Number, Vietnamese);
    }

    private static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
