using System.Diagnostics;
using IntegrationHub.Connectors.DocumentExchange.Sandbox;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using IntegrationHub.Connectors.IDesk.Sandbox;
using IntegrationHub.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Hosting;

/// <summary>A 50 MB attachment through the hub both ways (iDesk → platform, platform → iDesk), the hub in its own
/// process so its memory is its own: the bytes arrive identical and the hub's resident memory grows by far less than
/// one copy of the attachment (a buffered body would cost 67 MB of base64, a string of it 134 MB).</summary>
[Collection(PostgresCollection.Name)]
public sealed class LargeAttachmentMemoryTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const long Size = 50L * 1024 * 1024;
    private const long MaxGrowth = 50L * 1024 * 1024;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_50_MB_attachment_goes_through_the_hub_both_ways_byte_identical_without_a_copy_in_memory()
    {
        await using var sandboxes = await DocumentSandboxes.StartAsync();
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        settings.Remove("Hub:Http:Urls");
        var environment = settings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        await using var hub = HubProcess.Start(environment, Directory.CreateTempSubdirectory("hub-cwd-").FullName);
        await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var client = TestHub.AdminClient(hub.BaseAddress);

        // Warm-up with small documents: code paths compiled, pools open, so what follows measures the transfer.
        await MoveBothWaysAsync(client, sandboxes, 100_000);
        var before = ProcessMemory.Read(hub.Id);
        var peakReset = ProcessMemory.ResetPeak(hub.Id);
        var clock = Stopwatch.StartNew();

        var (outgoing, incoming) = await MoveBothWaysAsync(client, sandboxes, Size);

        var elapsed = clock.Elapsed;
        var after = ProcessMemory.Read(hub.Id);
        var sent = sandboxes.IDesk.Document(outgoing)!.Attachments.Single();
        Assert.Equal((Size, sent.Sha256), (sandboxes.Exchange.Document(outgoing)!.Attachments.Single().Length, sandboxes.Exchange.Document(outgoing)!.Attachments.Single().Sha256));
        var planted = sandboxes.Exchange.Document(incoming)!.Attachments.Single();
        Assert.Equal((Size, planted.Sha256), (sandboxes.IDesk.Document(incoming)!.Attachments.Single().Length, sandboxes.IDesk.Document(incoming)!.Attachments.Single().Sha256));
        var growth = after.Peak - before.Rss;
        output.WriteLine($"50 MB both ways in {elapsed.TotalSeconds:0.0} s; hub RSS before {Mb(before.Rss)} MB, peak during {Mb(after.Peak)} MB (peak reset: {peakReset}), growth {Mb(growth)} MB, RSS after {Mb(after.Rss)} MB; {Environment.ProcessorCount} cores");
        Assert.True(peakReset, "the hub's peak RSS could be reset, so the peak covers the transfer only");
        Assert.True(growth < MaxGrowth, $"the hub's peak resident memory grew by {Mb(growth)} MB during the transfer (bound {Mb(MaxGrowth)} MB)");
    }

    private static async Task<(string Outgoing, string Incoming)> MoveBothWaysAsync(HttpClient client, DocumentSandboxes sandboxes, long size)
    {
        var outgoing = await sandboxes.IDesk.CreateOutgoingAsync(new CreateOutgoingRequest(Attachments: [new SandboxAttachmentSpec("ban-do.pdf", size)]));
        var incoming = await sandboxes.Exchange.PlantAsync(new PlantRequest(Attachments: [new SandboxAttachmentSpec("ho-so.pdf", size)]));
        await FlowRuns.RunAsync(client, "documents-out", Patience);
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.Exchange.Document(outgoing)), d => d is not null, Patience, "the document at the platform");
        await FlowRuns.RunAsync(client, "documents-in", Patience);
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IDesk.Document(incoming)), d => d is not null, Patience, "the document at iDesk");
        return (outgoing, incoming);
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
