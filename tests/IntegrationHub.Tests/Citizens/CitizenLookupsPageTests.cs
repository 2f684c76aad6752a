using IntegrationHub.Connectors.PopulationDb.Citizens;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntegrationHub.Tests.Citizens;

/// <summary>The audit page in headless chromium: lookups listed with masked ids, filtered by dossier, and a full id
/// revealed only with a reason, the reveal recorded.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CitizenLookupsPageTests(PostgresCluster cluster)
{
    [BrowserFact]
    public async Task The_dashboard_lists_lookups_with_masked_ids_and_filters_by_dossier()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()), "Production");
        var store = hub.Services.GetRequiredService<CitizenLookupStore>();
        string[] ids = ["056085123485", "056190654321", "079201004567"];
        var lookupIds = new List<long>();
        for (var i = 0; i < ids.Length; i++)
        {
            lookupIds.Add(await store.AddAsync(new CitizenLookupEntry(DateTimeOffset.UtcNow, "flow:citizen-checks", "citizen-checks", i + 1, $"HS-{i}", ids[i], $"h{i}",
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
        await page.ClickAsync("text=Citizen lookups");
        await page.WaitForSelectorAsync("#lookups");

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
