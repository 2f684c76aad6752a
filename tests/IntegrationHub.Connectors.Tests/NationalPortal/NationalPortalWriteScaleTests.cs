using System.Diagnostics;
using Xunit;
using static IntegrationHub.Connectors.Tests.NationalPortal.IGatePayloads;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed class NationalPortalWriteScaleTests
{
    [Fact]
    public async Task Two_thousand_dossiers_with_three_versions_and_steps_each_arrive_once_and_in_order()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var connector = bed.Connector();
        var codes = Enumerable.Range(1, 2000).Select(i => $"H56.22-250301-{i:00000}").ToList();
        string[] lifecycle = ["MOI_TIEP_NHAN", "DANG_XU_LY", "CHO_TRA_KET_QUA"];
        var id = 0L;

        // Versions interleaved across dossiers, as the hub would hand them over; batches of 200 like the host's default.
        var dossiers = Enumerable.Range(0, lifecycle.Length)
            .SelectMany(version => codes.Select(code => Message(++id, Dossier(code, lifecycle[version], version + 1))))
            .ToList();
        var steps = Enumerable.Range(1, lifecycle.Length)
            .SelectMany(stt => codes.Select(code => Message(++id, IGatePayloads.Progress(code, stt, lifecycle[stt - 1]))))
            .ToList();
        var stopwatch = Stopwatch.StartNew();

        foreach (var batch in dossiers.Chunk(200))
        {
            Assert.All(await connector.WriteAsync("dossiers", batch, CancellationToken.None), o => Assert.True(o.Delivered, o.Failure?.Message));
        }

        foreach (var batch in steps.Chunk(200))
        {
            Assert.All(await connector.WriteAsync("progress", batch, CancellationToken.None), o => Assert.True(o.Delivered, o.Failure?.Message));
        }

        stopwatch.Stop();
        var stats = bed.Sandbox.DossierStats;
        Assert.Equal((2000, 4000, 6000, 0, 0), (stats.DossierCount, stats.DossierUpdates, stats.ProgressEntries, stats.DuplicatesIgnored, stats.OrderViolations));
        Assert.Equal(600, stats.ProgressCalls);
        Assert.Equal([2, 4, 9], bed.Sandbox.FindDossier(codes[^1])!.StatusHistory);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");
    }
}
