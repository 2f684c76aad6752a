using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IntegrationHub.Tests.Payments;

/// <summary>The platform's daily statement against the hub's payments: every kind of planted mismatch found, in the
/// API, the CSV and the dashboard page, with one alert per incident.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReconciliationTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Reconciliation_finds_each_kind_of_planted_mismatch_and_alerts_once()
    {
        await using var run = await PlantedMismatchesAsync();
        var report = run.Report;
        Assert.Equal("amount_mismatch matched matched missing_at_platform missing_in_hub status_mismatch",
            string.Join(' ', report.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).Order(StringComparer.Ordinal)));
        Item(report, "amount_mismatch", run.References[1], hub: 20_000, platform: 21_000);
        Item(report, "missing_at_platform", run.References[2], hub: 30_000, platform: null);
        Item(report, "missing_in_hub", "HUBNGOAIHETHONG01", hub: null, platform: 99_000);
        var status = Item(report, "status_mismatch", run.References[3], hub: 40_000, platform: 40_000);
        Assert.Equal("created", status.GetProperty("hubStatus").GetString());
        Assert.Equal("paid", status.GetProperty("platformStatus").GetString());

        var csv = await run.Admin.GetAsync($"api/reconciliations/{run.Id}/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()), "UTF-8 BOM for spreadsheets");
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kind,ma_tham_chieu,ma_ho_so,hub_amount,platform_amount,hub_status,platform_status,ma_giao_dich", lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"amount_mismatch,{run.References[1]},{run.MaHoSo},20000,21000,paid,paid,", StringComparison.Ordinal));

        var alerts = await run.Admin.GetFromJsonAsync<JsonElement>("api/alerts");
        Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("kind").GetString() == "reconciliation_mismatch");

        // Run again: same findings, same incident, no second alert. Then a matching day raises none.
        await run.ReconcileAsync(run.Day);
        alerts = await run.Admin.GetFromJsonAsync<JsonElement>("api/alerts");
        Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("kind").GetString() == "reconciliation_mismatch");
        var quiet = await run.ReconcileAsync(run.Day.AddDays(-1));
        Assert.Empty(quiet.GetProperty("items").EnumerateArray());
        Assert.Single((await run.Admin.GetFromJsonAsync<JsonElement>("api/alerts")).EnumerateArray());
    }

    [BrowserFact]
    public async Task The_dashboard_page_lists_the_run_with_its_mismatches_and_offers_the_CSV()
    {
        await using var run = await PlantedMismatchesAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            HttpCredentials = new HttpCredentials { Username = TestHub.AdminUser, Password = TestHub.AdminPassword },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(run.Hub.BaseAddress, "hangfire").ToString());
        await page.ClickAsync("text=Đối soát thanh toán");
        await page.WaitForSelectorAsync($"tr.run[data-id='{run.Id}']");
        Assert.Contains("reconciliation_mismatch", await page.GetAttributeAsync("#alerts .alert-item", "data-kind") ?? string.Empty, StringComparison.Ordinal);
        await page.ClickAsync($"tr.run[data-id='{run.Id}'] a >> nth=0");
        await page.WaitForSelectorAsync("#items");
        Assert.Equal(4, await page.Locator("tr.item.danger").CountAsync());
        Assert.Equal(1, await page.Locator("tr.item[data-kind='missing_in_hub']").CountAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"tr.run[data-id='{run.Id}'] a.csv"));
        var path = await download.PathAsync();
        var text = await File.ReadAllTextAsync(path!, Encoding.UTF8);
        Assert.Contains("missing_in_hub,HUBNGOAIHETHONG01", text, StringComparison.Ordinal);
    }

    private static JsonElement Item(JsonElement report, string kind, string reference, long? hub, long? platform)
    {
        var item = report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == kind);
        Assert.Equal(reference, item.GetProperty("maThamChieu").GetString());
        Assert.Equal(hub, item.GetProperty("hubAmount").ValueKind == JsonValueKind.Null ? null : item.GetProperty("hubAmount").GetInt64());
        Assert.Equal(platform, item.GetProperty("platformAmount").ValueKind == JsonValueKind.Null ? null : item.GetProperty("platformAmount").GetInt64());
        return item;
    }

    /// <summary>Five payments of one dossier today: two paid and matching, one paid with another amount on the statement,
    /// one paid but left off the statement, one paid at the platform whose callback never came; plus a statement line
    /// the hub never created.</summary>
    private async Task<PlantedRun> PlantedMismatchesAsync()
    {
        var rig = await PaymentRig.StartAsync(cluster);
        var platform = rig.Sandboxes.Platform;
        var references = new List<string>();
        foreach (var (amount, i) in new long[] { 10_000, 20_000, 30_000, 40_000, 50_000 }.Select((a, i) => (a, i)))
        {
            var (_, payment) = await PaymentTestKit.InitAsync(rig.Portal, $"rec-{i}", rig.MaHoSo, amount);
            references.Add(payment.GetProperty("maThamChieu").GetString()!);
        }

        foreach (var reference in new[] { references[0], references[1], references[2], references[4] })
        {
            Assert.Equal(PaymentErrorCodes.Success, (await platform.PayAsync(reference)).Delivery!.Reply!.MaLoi);
        }

        await platform.PayAsync(references[3], sendCallback: false);
        platform.AlterStatementAmount(references[1], 21_000);
        platform.DropFromStatement(references[2]);
        var thoiGian = platform.Find(references[0])!.ThoiGianGD;
        platform.PlantStatementLine(new PaymentStatementLine("HUBNGOAIHETHONG01", "GD-NGOAI-01", 99_000, PaymentStatus.Success, thoiGian));
        var run = new PlantedRun(rig, references, DateOnly.ParseExact(thoiGian[..8], "yyyyMMdd", CultureInfo.InvariantCulture));
        run.Report = await run.ReconcileAsync(run.Day);
        run.Id = run.Report.GetProperty("id").GetInt64();
        return run;
    }

    private sealed class PlantedRun(PaymentRig rig, List<string> references, DateOnly day) : IAsyncDisposable
    {
        public IntegrationHub.Host.HubHost Hub => rig.Hub;

        public HttpClient Admin => rig.Admin;

        public string MaHoSo => rig.MaHoSo;

        public List<string> References { get; } = references;

        public DateOnly Day { get; } = day;

        public JsonElement Report { get; set; }

        public long Id { get; set; }

        public async Task<JsonElement> ReconcileAsync(DateOnly date)
        {
            var response = await Admin.PostAsync($"api/reconciliations/run?day={date:yyyy-MM-dd}", null);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            return JsonDocument.Parse(text).RootElement;
        }

        public ValueTask DisposeAsync() => rig.DisposeAsync();
    }
}
