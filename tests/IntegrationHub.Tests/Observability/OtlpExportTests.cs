using System.Collections.Concurrent;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Tests.Observability;

/// <summary>OTLP export is switched on by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, and then traces and metrics
/// reach the collector (here a real HTTP one on 127.0.0.1 that keeps what it was sent).</summary>
[Collection(PostgresCollection.Name)]
public sealed class OtlpExportTests(PostgresCluster cluster)
{
    [Fact]
    public async Task With_the_standard_endpoint_variable_set_traces_and_metrics_reach_the_collector()
    {
        var received = new ConcurrentQueue<(string Signal, string? ContentType, long Bytes)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Enqueue((signal, request.ContentType, body.Length));
            return Results.Bytes([], "application/x-protobuf");
        });
        await collector.StartAsync();

        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Urls.Single();
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        await using var hub = await TestHub.StartAsync(settings);
        using var admin = TestHub.AdminClient(hub);
        (await admin.GetAsync("api/flows")).EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(() => received.Any(r => r.Signal == "traces") && received.Any(r => r.Signal == "metrics"),
            TimeSpan.FromSeconds(30), "traces and metrics at the collector");
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.Contains(received, r => r.Signal == "traces" && r.Bytes > 0);
    }
}
