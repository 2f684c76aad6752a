using System.Net;
using IntegrationHub.Tests.Infrastructure;
using Xunit;

namespace IntegrationHub.Tests.Security;

/// <summary>Finding 8: the standard ASP.NET Core address settings were ignored because Hub:Http:Urls always won.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ListenAddressTests(PostgresCluster cluster)
{
    [Fact]
    public async Task The_urls_command_line_option_wins_over_Hub_Http_Urls()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        var chosen = HubProcess.FreePort();
        var fallback = HubProcess.FreePort();
        settings["Hub:Http:Urls"] = $"http://127.0.0.1:{fallback}";

        await using var hub = await Host.HubApplication.StartAsync(
            ["--environment", "Testing", "--urls", $"http://127.0.0.1:{chosen}"], c => c.AddInMemoryCollection(settings));

        Assert.Equal(chosen, hub.BaseAddress.Port);
        using var client = new HttpClient { BaseAddress = hub.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://127.0.0.1:{fallback}/health/live"));
    }

    [Fact]
    public async Task ASPNETCORE_URLS_wins_over_Hub_Http_Urls()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        var chosen = new Uri($"http://127.0.0.1:{HubProcess.FreePort()}/");
        var fallback = HubProcess.FreePort();
        var environment = ProcessSettings.AsEnvironment(settings, "Testing");
        environment["Hub__Http__Urls"] = $"http://127.0.0.1:{fallback}";
        environment["ASPNETCORE_URLS"] = chosen.ToString();

        await using var hub = HubProcess.Start(environment, Directory.CreateTempSubdirectory("hub-cwd-").FullName, chosen);
        await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        using var client = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://127.0.0.1:{fallback}/health/live"));
        Assert.Equal(0, await hub.TerminateAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"IntegrationHub listens where 'urls' says ({chosen}), not on Hub:Http:Urls", hub.Output, StringComparison.Ordinal);
    }
}
