using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Evidence;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Tests.Evidence;

/// <summary>The evidence service's timing on a fake clock: the missing day head at start, a day head after local
/// midnight, interval heads every SignInterval, lines linked every LinkInterval, and the verification every
/// VerifyInterval raising its alert.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EvidenceScheduleTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Day_heads_after_local_midnight_interval_heads_linking_and_verification_run_on_their_clock()
    {
        // 23:59 in Hanoi (UTC+7) on 5 December.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 16, 59, 0, TimeSpan.Zero));
        var evidence = new EvidenceOptions
        {
            Chains = 2, LinkInterval = TimeSpan.FromSeconds(1), SignInterval = TimeSpan.FromMinutes(5), VerifyInterval = TimeSpan.FromMinutes(10),
            SigningKey = new EvidenceSigningKeyOptions { Pem = EvidenceRig.NewKeyPem() },
        };
        await using var rig = await EvidenceRig.StartAsync(cluster, evidence, clock);
        using var service = new EvidenceService(rig.Sequencer, rig.Signer, rig.Verifier, rig.Db, Microsoft.Extensions.Options.Options.Create(rig.Options), clock, NullLogger<EvidenceService>.Instance);
        await service.StartAsync(default);
        try
        {
            // At start: the day before has no head yet (a host that was down signs it late).
            await Eventually.ReturnsAsync(() => rig.ScalarAsync<string>("select coalesce(string_agg(day::text, ',' order by id), '') from hub.evidence_heads where kind = 'day'"),
                days => days == "2026-12-04", Wait, "the missed day's head");

            await WriteLineAsync(rig);
            clock.Advance(TimeSpan.FromSeconds(1));
            await Eventually.ReturnsAsync(() => rig.ScalarAsync<long>("select count(*) from hub.evidence_queue"), n => n == 0, Wait, "the line linked by the service");

            // Midnight in Hanoi: the 5th is closed by its head, signed at 00:00 local.
            clock.Advance(TimeSpan.FromSeconds(59));
            await Eventually.ReturnsAsync(() => rig.ScalarAsync<string>("select coalesce(string_agg(day::text, ',' order by id), '') from hub.evidence_heads where kind = 'day'"),
                days => days == "2026-12-04,2026-12-05", Wait, "the day head of the 5th");
            Assert.Contains("\"signed_at\":\"2026-12-05T17:00:00.000000Z\"", await rig.ScalarAsync<string>("select statement from hub.evidence_heads where day = '2026-12-05'"), StringComparison.Ordinal);
            Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from hub.evidence_heads where kind = 'interval'"));

            // Five minutes after start: an interval head, with the linked line's chain in it.
            clock.Advance(TimeSpan.FromMinutes(4));
            await Eventually.ReturnsAsync(() => rig.ScalarAsync<long>("select count(*) from hub.evidence_heads where kind = 'interval'"), n => n == 1, Wait, "the interval head");
            Assert.Contains("\"seq\":1", await rig.ScalarAsync<string>("select statement from hub.evidence_heads where kind = 'interval'"), StringComparison.Ordinal);

            // An edit behind the hub's back, found by the verification ten minutes after start.
            await rig.ExecuteAsync("update hub.message_log set detail = 'edited'");
            clock.Advance(TimeSpan.FromMinutes(4));
            Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from hub.alerts"));
            clock.Advance(TimeSpan.FromMinutes(1));
            await Eventually.ReturnsAsync(() => rig.ScalarAsync<long>($"select count(*) from hub.alerts where kind = '{EvidenceVerifier.AlertKind}'"), n => n == 1, Wait, "the verification's alert");
        }
        finally
        {
            await service.StopAsync(default);
        }
    }

    private static Task WriteLineAsync(EvidenceRig rig) =>
        rig.ExecuteAsync("insert into hub.message_log (message_id, event, detail, at) values (hub.history_month_base(now()) + 1, 'received', 'run 1', now())");
}
