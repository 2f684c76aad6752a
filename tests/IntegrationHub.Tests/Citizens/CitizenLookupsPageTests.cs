using IntegrationHub.Connectors.PopulationDb.Citizens;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntegrationHub.Tests.Citizens;

/// <summary>The audit page in headless chromium: lookups listed with masked ids and local times, filtered by dossier, and
/// a full id revealed only with a reason, the reveal recorded; in Vietnamese by default, in English after <c>?lang=en</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CitizenLookupsPageTests(PostgresCluster cluster)
{
    [BrowserFact]
    public async Task The_dashboard_lists_lookups_with_masked_ids_and_local_times_in_Vietnamese_then_filters_by_dossier_in_English()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()), "Production");
        var store = hub.Services.GetRequiredService<CitizenLookupStore>();
        string[] ids = ["056085123485", "056190654321", "079201004567"];
        var lookupIds = new List<long>();
        var asked = new DateTimeOffset(2026, 1, 15, 20, 30, 5, TimeSpan.Zero);
        for (var i = 0; i < ids.Length; i++)
        {
            lookupIds.Add(await store.AddAsync(new CitizenLookupEntry(asked, "flow:citizen-checks", "citizen-checks", i + 1, $"HS-{i}", ids[i], $"h{i}",
                i == 2 ? "failed" : i == 1 ? "mismatch" : "match", i == 1 ? ["NgaySinh"] : [], i == 2 ? "POPULATION-TIMEOUT" : null, 40 + i, null), CancellationToken.None));
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            HttpCredentials = new HttpCredentials { Username = TestHub.AdminUser, Password = TestHub.AdminPassword },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(hub.BaseAddress, "hangfire").ToString());
        // Vietnamese by default: menu, title, headings; 20:30:05 UTC is 03:30:05 the next morning in Vietnam.
        await page.ClickAsync("text=Tra cứu dân cư");
        await page.WaitForSelectorAsync("#lookups");
        Assert.Equal("Tra cứu cơ sở dữ liệu quốc gia về dân cư", await page.InnerTextAsync("h1.page-header"));
        Assert.Equal("Thời điểm", await page.InnerTextAsync("#lookups th >> nth=1"));
        Assert.Equal(["2026-01-16 03:30:05"], (await page.Locator("tr.lookup td.requested-at").AllInnerTextsAsync()).Distinct());
        Assert.Contains("Giờ là giờ địa phương (Asia/Ho_Chi_Minh, UTC+07:00)", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.StartsWith("Tra cứu dân cư", await page.TitleAsync(), StringComparison.Ordinal);

        // English on asking, kept for the pages after it.
        await page.GotoAsync(new Uri(hub.BaseAddress, "hangfire/citizen-lookups?lang=en").ToString());
        Assert.Equal("Population database lookups", await page.InnerTextAsync("h1.page-header"));
        Assert.Equal("Time", await page.InnerTextAsync("#lookups th >> nth=1"));
        Assert.Contains("Times are local (Asia/Ho_Chi_Minh, UTC+07:00)", await page.InnerTextAsync("body"), StringComparison.Ordinal);

        Assert.Equal(3, await page.Locator("tr.lookup").CountAsync());
        var content = await page.ContentAsync();
        Assert.DoesNotContain(ids, content.Contains);
        Assert.Contains("0560******85", content, StringComparison.Ordinal);
        Assert.Contains("POPULATION-TIMEOUT", await page.InnerTextAsync("tr.lookup[data-outcome='failed']"), StringComparison.Ordinal);
        Assert.Contains("NgaySinh", await page.InnerTextAsync("tr.lookup[data-outcome='mismatch']"), StringComparison.Ordinal);

        await page.FillAsync("input[name='dossier']", "HS-1");
        await page.ClickAsync("text=Filter");
        await page.WaitForURLAsync("**dossier=HS-1");
        Assert.Equal(1, await page.Locator("tr.lookup").CountAsync());
        Assert.Contains("0561******21", await page.InnerTextAsync("tr.lookup"), StringComparison.Ordinal);

        // A reveal without a reason is refused and shows nothing; with one, the full id and a recorded reveal.
        await page.ClickAsync("tr.lookup details.reveal summary");
        await page.FillAsync("tr.lookup input[name='reason']", "xem");
        await page.ClickAsync("tr.lookup button[type='submit']");
        await page.WaitForSelectorAsync("#reveal-error");
        Assert.DoesNotContain("056190654321", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(await store.RevealsAsync(lookupIds[1], CancellationToken.None));

        await page.ClickAsync("tr.lookup details.reveal summary");
        await page.FillAsync("tr.lookup input[name='reason']", "Công dân khiếu nại kết quả, phiếu 77/2026");
        await page.ClickAsync("tr.lookup button[type='submit']");
        Assert.Equal("056190654321", await page.InnerTextAsync("#personal-id"));
        var reveal = Assert.Single(await store.RevealsAsync(lookupIds[1], CancellationToken.None));
        Assert.Equal($"admin:{TestHub.AdminUser}", reveal.RevealedBy);
        Assert.Equal("Công dân khiếu nại kết quả, phiếu 77/2026", reveal.Reason);

        await page.ClickAsync("#back");
        await page.WaitForSelectorAsync("#lookups");
        Assert.DoesNotContain("056190654321", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal("1", await page.InnerTextAsync("tr.lookup[data-outcome='mismatch'] td.reveals"));
    }
}
