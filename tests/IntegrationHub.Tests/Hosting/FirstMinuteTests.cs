using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Hosting;

/// <summary>A newcomer's first minute: the hub says where it actually listens and where to point a browser, and runs
/// that found nothing to do do not fill the log.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FirstMinuteTests(PostgresCluster cluster)
{
    [Fact]
    public async Task The_hub_says_the_address_it_bound_and_where_the_dashboard_api_docs_and_health_are()
    {
        var logs = new CapturedLogs();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()), logging: logs.AddTo);

        // Port 0 was asked for: the line names the port the hub really got.
        var address = hub.BaseAddress.ToString().TrimEnd('/');
        Assert.DoesNotContain(":0", address, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.StartsWith("Information IntegrationHub: IntegrationHub is listening on ", StringComparison.Ordinal) && l.Contains(address, StringComparison.Ordinal));
        Assert.Contains($"Information IntegrationHub: Dashboard: {address}/hangfire", logs.Lines);
        Assert.Contains(logs.Lines, l => l.StartsWith($"Information IntegrationHub: Admin API: {address}/api/flows", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith($"Information IntegrationHub: Health: {address}/health/live", StringComparison.Ordinal));
        Assert.Contains($"Information IntegrationHub: API docs: {address}/docs (OpenAPI {address}/openapi/v1.json)", logs.Lines);
    }

    [Fact]
    public async Task A_run_that_found_nothing_to_do_logs_below_information_and_one_that_did_at_information()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 3);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        var logs = new CapturedLogs();
        await using var hub = await TestHub.StartAsync(settings, logging: logs.AddTo);
        using var admin = TestHub.AdminClient(hub);

        // The first run finds three procedures; the second, nothing new.
        foreach (var (created, level) in new[] { (3, "Information"), (0, "Debug") })
        {
            var before = logs.Lines.Count;
            Assert.Equal(System.Net.HttpStatusCode.Accepted, (await admin.PostAsync("api/flows/procedures/run", null)).StatusCode);
            var line = await Eventually.ReturnsAsync(
                () => Task.FromResult(logs.Lines.Skip(before).FirstOrDefault(l => l.Contains("Flow procedures run", StringComparison.Ordinal) && l.Contains("succeeded", StringComparison.Ordinal))),
                found => found is not null, TimeSpan.FromSeconds(60), $"the procedures run creating {created} messages to finish");

            Assert.StartsWith($"{level} ", line, StringComparison.Ordinal);
            Assert.Contains($"{created} new messages", line, StringComparison.Ordinal);
        }
    }
}
