using System.Net;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Observability;

/// <summary>The console log as JSON, chosen the standard way (<c>Logging:Console:FormatterName=json</c>), one object
/// per line, with the scopes that name the flow, the run and the trace around a run.</summary>
[Collection(PostgresCollection.Name)]
public sealed class JsonConsoleLogTests(PostgresCluster cluster)
{
    [Fact]
    public async Task With_the_json_formatter_each_line_is_an_object_and_a_runs_lines_carry_its_flow_run_and_trace()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 3);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        var environment = ProcessSettings.AsEnvironment(settings, "Testing");
        environment["Logging__Console__FormatterName"] = "json";
        environment["Logging__Console__FormatterOptions__IncludeScopes"] = "true";
        await using var hub = HubProcess.Start(environment, Directory.CreateTempSubdirectory("hub-cwd-").FullName);
        await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var admin = TestHub.AdminClient(hub.BaseAddress);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("api/flows/procedures/run", null)).StatusCode);
        await Eventually.HoldsAsync(() => hub.Output.Contains("Flow procedures run", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the run's summary in:\n" + hub.Output);
        Assert.Equal(0, await hub.TerminateAsync(TimeSpan.FromSeconds(30)));

        // Every line the logger wrote is one JSON object (the start report and PostgreSQL's own lines aside).
        var entries = hub.Output.Split('\n').Where(l => l.StartsWith("{\"EventId\"", StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(entries, e => e.GetProperty("Message").GetString()!.StartsWith("Metrics: ", StringComparison.Ordinal));
        var summary = Assert.Single(entries, e => e.GetProperty("Message").GetString()!.StartsWith("Flow procedures run", StringComparison.Ordinal));
        Assert.Equal("Information", summary.GetProperty("LogLevel").GetString());
        Assert.Contains("3 new messages", summary.GetProperty("Message").GetString(), StringComparison.Ordinal);

        var scopes = summary.GetProperty("Scopes").EnumerateArray().ToList();
        var run = Assert.Single(scopes, s => s.TryGetProperty("FlowId", out _));
        Assert.Equal("procedures", run.GetProperty("FlowId").GetString());
        Assert.True(run.GetProperty("RunId").GetInt64() > 0);
        var traceId = run.GetProperty("TraceId").GetString();
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        // ASP.NET Core's activity scope names the same trace: the run's span is current while it logs.
        Assert.Contains(scopes, s => s.TryGetProperty("SpanId", out _) && s.GetProperty("TraceId").GetString() == traceId);
    }
}
