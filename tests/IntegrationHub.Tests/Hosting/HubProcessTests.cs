using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Hosting;

/// <summary>The hub as operators run it: its own process, its own embedded PostgreSQL, killed and restarted.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HubProcessTests
{
    [Fact]
    public async Task The_development_run_is_ready_within_a_minute_and_syncs_every_sandbox_procedure_within_the_next()
    {
        var dataFolder = HubProcess.NewDataFolder();
        // A free port for every registered sandbox, so another hub's development run does not collide; the hub wires
        // each connector to its sandbox itself.
        var ports = RegisteredModules.SandboxIds.ToDictionary(id => id, _ => HubProcess.FreePort());
        var igatePort = ports["igate"];
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Hub__EmbeddedPostgres__DataFolder"] = dataFolder,
        };
        foreach (var (id, port) in ports)
        {
            environment[$"Sandboxes__{id}__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        try
        {
            var clock = Stopwatch.StartNew();
            await using var hub = HubProcess.Start(environment, Directory.CreateTempSubdirectory("hub-cwd-").FullName);
            await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            var ready = clock.Elapsed;

            using var sandboxClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{igatePort}/") };
            await Eventually.ReturnsAsync(
                async () => (await sandboxClient.GetFromJsonAsync<JsonElement>("sandbox/stats")).GetProperty("distinctProcedures").GetInt32(),
                count => count == 2000, TimeSpan.FromSeconds(60), "2000 procedures at the iGate sandbox");
            var stats = await sandboxClient.GetFromJsonAsync<JsonElement>("sandbox/stats");
            Assert.Equal(1, stats.GetProperty("maxWritesPerCode").GetInt32());

            // The citizen checks run on start too: the demo's applicants are verified and written back to iGate.
            await Eventually.ReturnsAsync(
                async () => (await sandboxClient.GetFromJsonAsync<JsonElement>("sandbox/citizen-checks/stats")).GetProperty("totalAppliedWrites").GetInt32(),
                count => count > 100, TimeSpan.FromSeconds(60), "citizen checks written back to the iGate sandbox");

            // Development from loopback: the dashboard and API need no login, and show the run.
            using var client = new HttpClient { BaseAddress = hub.BaseAddress };
            // Every registered flow adds jobs to a development run: the whole list, not its first page of 20.
            await Eventually.ReturnsAsync(() => client.GetStringAsync("hangfire/jobs/succeeded?from=0&count=500"),
                page => page.Contains("Flow procedures: read source (start)", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the run in the dashboard");
            Assert.Equal(2000, (await Flows.ProceduresFlowTests.GetFlowAsync(client)).GetProperty("counts").GetProperty("delivered").GetInt64());

            Assert.Equal(0, await hub.TerminateAsync(TimeSpan.FromSeconds(60)));
            Assert.False(File.Exists(Path.Combine(dataFolder, "pgdata", "postmaster.pid")), "the embedded PostgreSQL is stopped with the hub");
            Assert.True(ready < TimeSpan.FromSeconds(60), $"ready after {ready}");
        }
        finally
        {
            await HubProcess.StopLeftoverPostgresAsync(dataFolder);
            TryDelete(dataFolder);
        }
    }

    [Fact]
    public async Task A_hub_killed_half_way_resumes_after_restart_without_loss_or_duplicates()
    {
        var slow = new SandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(25) };
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 2000, nationalFaults: slow);
        var dataFolder = HubProcess.NewDataFolder();
        var environment = SandboxBackedEnvironment(dataFolder, (sandboxes.National, sandboxes.NationalAddress), (sandboxes.IGate, sandboxes.IGateAddress));
        environment["Flows__procedures__RunOnStart"] = "true";
        environment["Connectors__national-portal__PageSize"] = "50";
        environment["Connectors__national-portal__MaxParallelDetails"] = "4";
        var workingDirectory = Directory.CreateTempSubdirectory("hub-cwd-").FullName;
        try
        {
            await using (var first = HubProcess.Start(environment, workingDirectory))
            {
                await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
                await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IGate.Stats().DistinctProcedures), n => n >= 300, TimeSpan.FromSeconds(60), "300 procedures delivered");
                await first.KillAsync();
            }

            var pagesBeforeKill = sandboxes.National.Stats.PagesRequested.Count;
            Assert.InRange(sandboxes.IGate.Stats().DistinctProcedures, 300, 1999);

            slow.Latency = TimeSpan.Zero;
            await using (var second = HubProcess.Start(environment, workingDirectory))
            {
                await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
                await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IGate.Stats().DistinctProcedures), n => n == 2000, TimeSpan.FromSeconds(90), "all 2000 procedures delivered");
                Assert.Contains("adopting it", second.Output, StringComparison.Ordinal);
                Assert.Equal(0, await second.TerminateAsync(TimeSpan.FromSeconds(60)));
            }

            var stats = sandboxes.IGate.Stats();
            Assert.Equal(2000, stats.TotalAppliedWrites);
            Assert.Empty(stats.CodesWrittenMoreThanOnce);
            var resumedPages = sandboxes.National.Stats.PagesRequested.Skip(pagesBeforeKill).ToList();
            Assert.NotEmpty(resumedPages);
            Assert.DoesNotContain(1, resumedPages);
        }
        finally
        {
            await HubProcess.StopLeftoverPostgresAsync(dataFolder);
            TryDelete(dataFolder);
        }
    }

    [Fact]
    public async Task A_hub_killed_during_dossier_delivery_loses_nothing_and_applies_nothing_twice_after_restart()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync();
        var codes = sandboxes.IGate.Dossiers.Generate(3000, 3);
        var expectedProgress = sandboxes.IGate.Dossiers.Stats().ProgressEntries;
        sandboxes.NationalFaults.Latency = TimeSpan.FromMilliseconds(15);
        var dataFolder = HubProcess.NewDataFolder();
        var environment = SandboxBackedEnvironment(dataFolder, (sandboxes.National, sandboxes.National.BaseAddress!), (sandboxes.IGate, sandboxes.IGate.BaseAddress!));
        environment["Flows__procedures__Enabled"] = "false";
        environment["Flows__dossiers__RunOnStart"] = "true";
        environment["Flows__progress__RunOnStart"] = "true";
        environment["Hub__Delivery__SweepInterval"] = "00:00:01";
        environment["Hub__Delivery__MaxRetryBackoff"] = "00:00:01";
        environment["Connectors__national-portal__MaxParallelWrites"] = "4";
        environment["Connectors__igate__BatchSize"] = "1000";
        var workingDirectory = Directory.CreateTempSubdirectory("hub-cwd-").FullName;
        try
        {
            await using (var first = HubProcess.Start(environment, workingDirectory))
            {
                await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
                await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.National.DossierStats.DossierCount), n => n >= 300, TimeSpan.FromSeconds(60), "deliveries under way");
                await first.KillAsync();
            }

            var atKill = sandboxes.National.DossierStats;
            Assert.InRange(atKill.DossierCount, 300, codes.Count - 1);

            sandboxes.NationalFaults.Latency = TimeSpan.Zero;
            await using (var second = HubProcess.Start(environment, workingDirectory))
            {
                await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
                await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.National.DossierStats),
                    s => s.DossierCount == codes.Count && s.ProgressEntries == expectedProgress, TimeSpan.FromSeconds(120), "every dossier and progress entry at the portal");
                Assert.Equal(0, await second.TerminateAsync(TimeSpan.FromSeconds(60)));
            }

            var portal = sandboxes.National.DossierStats;
            Assert.Equal(0, portal.OrderViolations);
            Assert.All(codes, code => Assert.Equal(sandboxes.IGate.Dossiers.Progress(code).Count, sandboxes.National.FindDossier(code)!.Progress.Count));
        }
        finally
        {
            await HubProcess.StopLeftoverPostgresAsync(dataFolder);
            TryDelete(dataFolder);
        }
    }

    /// <summary>A Development hub with its own embedded PostgreSQL, talking to sandboxes that live in this test process
    /// (so they outlive a killed hub and can count what it wrote).</summary>
    private static Dictionary<string, string> SandboxBackedEnvironment(string dataFolder, params (IConnectorSandbox Sandbox, Uri Address)[] sandboxes)
    {
        // Every other connector is pointed where nothing listens, with settings its sandbox would accept.
        var settings = new Dictionary<string, string?>(RegisteredModules.ConnectorSettings);
        foreach (var (sandbox, address) in sandboxes)
        {
            settings.Wire(sandbox, address);
        }

        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? string.Empty);
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["Hub__EmbeddedPostgres__DataFolder"] = dataFolder;
        environment["Sandboxes__Enabled"] = "false";
        return environment;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
