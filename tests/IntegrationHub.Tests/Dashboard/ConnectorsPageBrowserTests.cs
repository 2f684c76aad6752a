using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;
using Microsoft.Playwright;

namespace IntegrationHub.Tests.Dashboard;

/// <summary>The Connectors pages in headless chromium: every registered connector, iGate's page with its streams and
/// flows, Check now recorded with the officer, failures counted while iGate fails, English on request, and no Check
/// now for a viewer.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConnectorsPageBrowserTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly string Officer = $"{TestOfficers.OperatorName} ({TestOfficers.Operator})";

    [BrowserFact]
    public async Task An_operator_checks_igate_sees_its_failures_counted_while_it_fails_and_reads_it_in_English()
    {
        await using var rig = await PaymentRig.StartAsync(cluster, settings =>
        {
            TestOfficers.AddTo((Dictionary<string, string?>)settings);
            settings["Hub:Delivery:MaxRetryBackoff"] = "00:00:02"; // the failed delivery is retried soon after iGate is back
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await NewContextAsync(browser, TestOfficers.Operator);
        var page = await context.NewPageAsync();

        // Vietnamese by default: every registered connector, each closed and not checked yet.
        await page.GotoAsync(new Uri(rig.Hub.BaseAddress, "hangfire").ToString());
        await page.ClickAsync("text=Kết nối");
        Assert.Equal("Kết nối", await page.InnerTextAsync("h1.page-header"));
        var listed = await page.Locator("tr.connector").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.connector)");
        Assert.Equal(RegisteredModules.ConnectorIds.Order(StringComparer.Ordinal), listed);
        var igateRow = page.Locator("tr.connector[data-connector='igate']");
        Assert.Equal("Closed", await igateRow.Locator(".circuit").GetAttributeAsync("data-circuit"));
        Assert.Equal("none", await igateRow.Locator(".check-outcome").GetAttributeAsync("data-outcome"));
        var api = await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate");
        Assert.Equal(api.GetProperty("streams").GetArrayLength().ToString(CultureInfo.InvariantCulture), await igateRow.Locator(".connector-streams").InnerTextAsync());

        // iGate's page: its streams (the schema folded away), the flows using it linking to their pages.
        await igateRow.Locator("a.connector-link").ClickAsync();
        Assert.Equal("Kết nối igate", await page.InnerTextAsync("h1.page-header"));
        Assert.Equal("MATTHC", await page.InnerTextAsync("tr.stream[data-stream='procedures'] .stream-key"));
        Assert.Equal(
            api.GetProperty("streams").EnumerateArray().Count(s => s.GetProperty("hasPayloadSchema").GetBoolean()),
            await page.Locator("tr.stream .stream-schema details").CountAsync());
        Assert.EndsWith("/hangfire/flows/evaluations", await page.GetAttributeAsync("#connector-flows a[data-flow='evaluations']", "href"), StringComparison.Ordinal);

        // Check now: reachable, recorded with the officer, at a local time.
        await CheckNowAsync(page);
        Assert.Contains($"igate kết nối được", await page.InnerTextAsync("#action-done"), StringComparison.Ordinal);
        Assert.Contains(Officer, await page.InnerTextAsync("#action-done"), StringComparison.Ordinal);
        Assert.Equal("succeeded", await page.GetAttributeAsync("#last-check .check-outcome", "data-outcome"));
        Assert.Equal($"do {Officer} yêu cầu", await page.InnerTextAsync("#last-check .checked-by"));
        var check = (await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate")).GetProperty("lastCheck");
        Assert.Equal(Local(check.GetProperty("checkedAt").GetDateTimeOffset()), await page.InnerTextAsync("#last-check .checked-at"));
        Assert.True(await CountAsync(page, "#connector-calls .calls") >= 1);

        // iGate answers 500 to everything: a delivery fails and so does the next check; the page counts the failures.
        rig.Sandboxes.FailIGate(true);
        using var partner = InboundRestTests.PartnerClient(rig.Hub);
        Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation("conn-1", rig.MaHoSo)))).StatusCode);
        await CheckNowAsync(page);
        Assert.Contains("igate không kết nối được (Transient", await page.InnerTextAsync("#action-error"), StringComparison.Ordinal);
        Assert.Equal("failed", await page.GetAttributeAsync("#last-check .check-outcome", "data-outcome"));
        var failed = (await rig.Admin.GetFromJsonAsync<JsonElement>("api/connectors/igate")).GetProperty("lastCheck");
        Assert.Equal($"lỗi từ {Local(failed.GetProperty("failingSince").GetDateTimeOffset())}", await page.InnerTextAsync("#last-check .failing-since"));
        Assert.Equal($"thành công gần nhất {Local(check.GetProperty("checkedAt").GetDateTimeOffset())}", await page.InnerTextAsync("#last-check .last-success"));
        rig.Sandboxes.FailIGate(false); // the delivery's next attempt succeeds: the counts settle
        await Eventually.ReturnsAsync(() => PaymentFlowTests.FlowCountAsync(rig.Admin, "evaluations", "delivered"), n => n == 1, Patience, "the evaluation delivered after the faults");
        var injected = rig.Sandboxes.IGate.FaultCounts().GetValueOrDefault(SandboxFaultKind.ServerError);
        Assert.True(injected >= 1, $"{injected} faults injected");
        await page.ReloadAsync();
        Assert.Equal(injected, await CountAsync(page, "#failures-by-kind tr[data-kind='server_error'] .failure-count"));
        Assert.True(await CountAsync(page, "#connector-calls .failures") >= injected);
        Assert.True(await CountAsync(page, "#connector-calls .calls") > injected);
        Assert.Matches(@"^[\d.,]+ ms$", await page.InnerTextAsync("#connector-calls .latency-p99"));

        // The list shows the same.
        await page.ClickAsync("#all-connectors");
        Assert.Equal("failed", await igateRow.Locator(".check-outcome").GetAttributeAsync("data-outcome"));
        Assert.True(await CountAsync(page, "tr.connector[data-connector='igate'] .failures") >= injected);

        // English on request.
        await page.GotoAsync(new Uri(rig.Hub.BaseAddress, "hangfire/connectors/igate?lang=en").ToString());
        Assert.Equal("Connector igate", await page.InnerTextAsync("h1.page-header"));
        Assert.Equal("Check now", await page.InnerTextAsync("button.connector-check"));
        Assert.Equal("server error (5xx) server_error", await page.InnerTextAsync("#failures-by-kind tr[data-kind='server_error'] td:first-child"));
        Directory.CreateDirectory("TestResults");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("TestResults", "dashboard-connector-en.png"), FullPage = true });

        // A viewer reads the pages but gets no Check now.
        await using var viewerContext = await NewContextAsync(browser, TestOfficers.Viewer);
        var viewer = await viewerContext.NewPageAsync();
        await viewer.GotoAsync(new Uri(rig.Hub.BaseAddress, "hangfire/connectors").ToString());
        Assert.Equal(RegisteredModules.ConnectorIds.Count, await viewer.Locator("tr.connector").CountAsync());
        Assert.Equal(0, await viewer.Locator("button.connector-check").CountAsync());
        await viewer.GotoAsync(new Uri(rig.Hub.BaseAddress, "hangfire/connectors/igate").ToString());
        Assert.Equal(0, await viewer.Locator("button.connector-check").CountAsync());
        Assert.Equal(404, (await viewer.GotoAsync(new Uri(rig.Hub.BaseAddress, "hangfire/connectors/erp").ToString()))!.Status);
    }

    private static Task<IBrowserContext> NewContextAsync(IBrowser browser, string user) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            HttpCredentials = new HttpCredentials { Username = user, Password = TestOfficers.Password },
            ViewportSize = new ViewportSize { Width = 1600, Height = 1200 },
        });

    /// <summary>Presses Check now on the connector's page and waits for the page it lands on.</summary>
    private static async Task CheckNowAsync(IPage page)
    {
        var posted = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button.connector-check"), r => r.Request.Method == "POST");
        Assert.Equal(302, posted.Status);
        await page.WaitForSelectorAsync("#action-done, #action-error", new PageWaitForSelectorOptions { Timeout = 30_000 });
    }

    private static async Task<long> CountAsync(IPage page, string selector) =>
        long.Parse(await page.InnerTextAsync(selector), NumberStyles.Number, Vietnamese);

    private static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
