using IntegrationHub.Host.Evidence;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Storage;

namespace IntegrationHub.Tests.Evidence;

/// <summary>Retention and the evidence log (issue 15 item 6): a month archived takes its lines' links out of
/// hub.evidence_links into the evidence archive (with their events), keeps the signed heads, and the verification job
/// does not call that tampering; evidence of the archived messages and day is exported from the archive and the kept
/// heads and verifies offline.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EvidenceRetentionTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-evidence-retention-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_archived_month_stays_provable_from_its_evidence_archive_and_the_kept_heads_and_is_no_tampering()
    {
        var clock = new ShiftedClock();
        await using var rig = await EvidenceRig.StartAsync(cluster, clock: clock);
        await new HistoryPartitionStore(rig.Db).AdvanceAsync(clock.GetUtcNow(), default);
        await rig.WriteLifeAsync();
        var day = await rig.ScalarAsync<DateOnly>($"select (at at time zone '{rig.Options.Evidence.TimeZone}')::date from hub.message_log where message_id = {rig.Delivered} order by id limit 1");
        await rig.Signer.SignAsync(day, default);
        var heads = await rig.ScalarAsync<long>("select count(*) from hub.evidence_heads");
        var deliveredLinks = await rig.ScalarAsync<long>($"select count(*) from hub.evidence_links where message_id = {rig.Delivered}");
        Assert.True(deliveredLinks > 0);

        // The month closed, then 401 days on it is past retention; HS-2 (delivered) is archived and removed, HS-1 (replayed, pending
        // again) stays until it is resolved.
        var job = HistoryRetentionTests.RetentionJob(rig.Db, clock, _folder, rig.Signer);
        clock.Advance(TimeSpan.FromDays(35));
        await job.RunAsync(default); // the month closes
        clock.Advance(TimeSpan.FromDays(401));
        Assert.NotEmpty(await job.RunAsync(default));
        Assert.Equal(0L, await rig.ScalarAsync<long>($"select count(*) from hub.message_log where message_id = {rig.Delivered}"));
        Assert.Equal(0L, await rig.ScalarAsync<long>($"select count(*) from hub.evidence_links where message_id = {rig.Delivered}"));
        Assert.True(await rig.ScalarAsync<long>("select count(*) from hub.evidence_retired") > 0);
        Assert.Equal(heads, await rig.ScalarAsync<long>("select count(*) from hub.evidence_heads where signed_at <= (select min(signed_at) from hub.evidence_heads where kind = 'day')"));
        Assert.Empty(await rig.Verifier.VerifyAsync(default));

        var exporter = EvidenceBundleRig.Exporter(rig, Path.Combine(_folder, EvidenceArchive.Folder));
        var archivedFiles = await EvidenceBundleRig.ExportAsync(exporter, "HS-2");
        var archived = EvidenceBundleChecker.Check(archivedFiles);
        Assert.True(archived.Valid, archived.Text());
        // Proved from the archive's events and prevs and the kept head's stored leaves: HS-2's events alone.
        Assert.Equal(deliveredLinks, archived.Events);
        Assert.Equal(deliveredLinks, archivedFiles.Keys.Count(k => k.StartsWith("events/", StringComparison.Ordinal)));
        Assert.DoesNotContain(archivedFiles.Values, f => System.Text.Encoding.UTF8.GetString(f).Contains("HS-1", StringComparison.Ordinal));
        var byDay = EvidenceBundleChecker.Check(await EvidenceBundleRig.ExportAsync(exporter, null, day));
        Assert.True(byDay.Valid, byDay.Text());

        // HS-1 delivered now: the next run archives it and drops the month; every link of the month leaves the table.
        await new DeliveryStore(rig.Db).RecordAsync(EvidenceRig.Flow, EvidenceRig.Destination,
            [new DeliveryResult(rig.Replayed, DeliveryStatus.Delivered, 2, null, null, null, "delivered", 5, Reference: "IGATE-2027-1", Note: "IGATE-2027-1")],
            holdBehindDeadLetter: true, clock.GetUtcNow(), default);
        await rig.Sequencer.LinkAsync(default);
        // Linked after the last head: retention signs one before archiving, so the link's leaf is kept.
        Assert.NotEmpty(await job.RunAsync(default));
        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from hub.evidence_links"));
        Assert.Empty(await rig.Verifier.VerifyAsync(default));
        var replayed = EvidenceBundleChecker.Check(await EvidenceBundleRig.ExportAsync(exporter, "HS-1"));
        Assert.True(replayed.Valid, replayed.Text());

        // A delete behind the hub's back is still one: a retired run's record removed breaks the chain at its start.
        await rig.ExecuteAsync("delete from hub.evidence_retired where (chain, from_seq) = (select chain, from_seq from hub.evidence_retired order by chain, from_seq limit 1)");
        await rig.ExecuteAsync("delete from hub.evidence_checks");
        Assert.NotEmpty(await rig.Verifier.VerifyAsync(default));
    }
}
