using System.Diagnostics;
using IntegrationHub.Contracts;
using Xunit;
using Xunit.Abstractions;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>A backlog the size of a week-long outage (~100,000 changes) is generated and read through both feeds, in
/// pages of 1000, in seconds: the feed starts each page with a binary search, not a scan.</summary>
public sealed class IGateFeedBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task About_100000_changes_are_generated_and_read_through_both_feeds_quickly()
    {
        await using var rig = await IGateTestRig.StartAsync(timeProvider: TimeProvider.System);
        var watch = Stopwatch.StartNew();
        rig.Sandbox.Dossiers.Generate(26_000, 3);
        var generated = watch.Elapsed;
        var stats = rig.Sandbox.Dossiers.Stats();

        watch.Restart();
        var dossiers = await IGateTestRig.ReadAllAsync(rig.Connector(batchSize: 1000), "dossiers");
        var readDossiers = watch.Elapsed;
        watch.Restart();
        var progress = await IGateTestRig.ReadAllAsync(rig.Connector(batchSize: 1000), "progress");
        var readProgress = watch.Elapsed;

        output.WriteLine($"{stats.StatusChanges + stats.Dossiers} changes generated in {generated.TotalMilliseconds:F0} ms; " +
            $"{stats.Dossiers} dossiers read in {readDossiers.TotalMilliseconds:F0} ms; {stats.ProgressEntries} progress entries read in {readProgress.TotalMilliseconds:F0} ms");
        Assert.InRange(stats.Dossiers + stats.StatusChanges, 95_000, 104_000);
        Assert.Equal(stats.Dossiers, dossiers.OfType<SourceRecord>().Select(r => r.Key).Distinct().Count());
        Assert.Equal(stats.ProgressEntries, progress.OfType<SourceRecord>().Count());
        Assert.True(generated < TimeSpan.FromSeconds(5), $"generation took {generated}");
        Assert.True(readDossiers + readProgress < TimeSpan.FromSeconds(30), $"reading took {readDossiers} + {readProgress}");
    }
}
