using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Evidence;
using IntegrationHub.Host.Inbound;
using IntegrationHub.Host.Observability;
using IntegrationHub.Host.PersonalData;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Tests.Evidence;

/// <summary>A received message's evidence names its payload by the plaintext's hash, taken when it is stored, so the
/// payload's encryption can be rotated (its old key removed) without breaking a chain, and a changed payload is still caught.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PayloadEvidenceTests(PostgresCluster cluster)
{
    private const string Fresh = """{ "soDinhDanh": "001089012345", "MaHoSo": "HS-9", "SoTien": 1.50 }""";
    private const string Legacy = """{"MaHoSo":"HS-10","soCMND":"B1234567","ghiChu":"CCCD 056085123485"}""";

    [Fact]
    public async Task Rotating_the_payload_key_and_removing_the_old_one_keeps_every_chain_and_a_changed_payload_is_still_caught()
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await new MessageStore(rig.Db, TestPersonalData.Payloads("k1")).AppendAsync(EvidenceRig.Flow, 1,
            [new SourceRecord("HS-9", Fresh, "HS-9", "1"), new SourceRecord("HS-10", Legacy, "HS-10", "1")], [EvidenceRig.Destination], null, rig.Clock.GetUtcNow(), default);
        // HS-10 as a message stored before migration 0045: no plaintext hash, its evidence hashes the stored (encrypted) text.
        await rig.ExecuteAsync("update hub.messages set payload_sha256 = null where business_key = 'HS-10'");
        await rig.Sequencer.LinkAsync(default);

        // The documented form (README "Evidence log"), recomputed by hand from the payload as received.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes("""{"MaHoSo":"HS-9","SoTien":1.5,"soDinhDanh":"001089012345"}"""));
        Assert.Equal(expected, await rig.ScalarAsync<byte[]>("select payload_sha256 from hub.messages where business_key = 'HS-9'"));
        Assert.Contains($"\"payload_sha256\":\"{Convert.ToHexStringLower(expected)}\"", await ReceivedEventAsync(rig, "HS-9"), StringComparison.Ordinal);
        var legacyEvent = await ReceivedEventAsync(rig, "HS-10");
        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from hub.messages where payload::text like '%001089012345%' or payload::text like '%B1234567%'"));
        Assert.Empty(await rig.Verifier.VerifyAsync(default));

        // Rotation to k2, a row per batch.
        var rotating = TestPersonalData.Payloads("k2", "k1", "k2");
        var unreadable = new Dictionary<string, int>();
        var rewriter = new StoredPayloadRewriter(rig.Db, rotating, TestPersonalData.Cipher("k2", "k1", "k2"), new PersonalDataOptions { RewriteBatchSize = 1 });
        Assert.Equal(2, await rewriter.ReencryptAsync(unreadable, default));
        Assert.Empty(unreadable);
        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from hub.messages where payload::text like '%pd1.k1.%'"));
        Assert.Equal(2L, await rig.ScalarAsync<long>("select count(*) from hub.messages where payload::text like '%⟦pd1.k2.%'"));
        Assert.Equal(0, await rewriter.ReencryptAsync(unreadable, default));

        // k1 removed: the payloads read back as received, the events are what they were, the chains verify.
        var withoutOld = TestPersonalData.Payloads("k2");
        foreach (var (key, payload) in new[] { ("HS-9", Fresh), ("HS-10", Legacy) })
        {
            var stored = await rig.ScalarAsync<string>($"select payload::text from hub.messages where business_key = '{key}'");
            Assert.Equal(PayloadDigest.Canonical(payload), PayloadDigest.Canonical(withoutOld.Unprotect(stored)));
        }

        Assert.Equal(legacyEvent, await ReceivedEventAsync(rig, "HS-10"));
        Assert.Equal(PayloadDigest.Of(Legacy), await rig.ScalarAsync<byte[]>("select payload_sha256 from hub.messages where business_key = 'HS-10'"));
        var verifier = new EvidenceVerifier(rig.Db, Microsoft.Extensions.Options.Options.Create(rig.Options), rig.Keys,
            new AlertStore(rig.Db, rig.Clock, NullLogger<AlertStore>.Instance), withoutOld, NullLogger<EvidenceVerifier>.Instance);
        Assert.Empty(await verifier.VerifyAsync(default));

        // The older message's payload is checked from now on: changed behind the hub's back (a token dropped), it is caught.
        await rig.ExecuteAsync("update hub.messages set payload = jsonb_set(payload, '{soCMND}', '\"B7654321\"') where business_key = 'HS-10'");
        var broken = Assert.Single(await verifier.VerifyAsync(default));
        var received = await rig.ScalarAsync<long>("select l.id from hub.message_log l join hub.messages m on m.id = l.message_id where l.event = 'received' and m.business_key = 'HS-10'");
        Assert.Equal(received, broken.LogId);
        Assert.Contains("the payload was changed", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payloads_a_hub_stored_in_clear_before_encryption_are_encrypted_once_their_evidence_unchanged_and_the_chains_verify()
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        var payloads = TestPersonalData.Payloads("k1");
        await new MessageStore(rig.Db, payloads).AppendAsync(EvidenceRig.Flow, 1,
            [new SourceRecord("HS-20", Legacy, "HS-20", "1"), new SourceRecord("HS-21", Fresh, "HS-21", "1")], [EvidenceRig.Destination], null, rig.Clock.GetUtcNow(), default);
        // HS-20 as a hub before migration 0041 stored it: in clear, no hash kept; linked so, its evidence hashes the clear text.
        await rig.ExecuteAsync($"update hub.messages set payload = '{Legacy}'::jsonb, payload_sha256 = null where business_key = 'HS-20'");
        await using (var connection = await rig.Db.OpenConnectionAsync())
        {
            await InboxStore.WriteAsync(connection, [new InboundSubmission("partner", "type", "m-1", "HS-22", Legacy, SHA256.HashData(Encoding.UTF8.GetBytes(Legacy)), "r-1")],
                rig.Clock.GetUtcNow(), payloads, default);
        }

        await rig.ExecuteAsync($"update hub.inbox set payload = '{Legacy}', payload_canonical_sha256 = null");
        await rig.Sequencer.LinkAsync(default);
        var clearText = await rig.ScalarAsync<string>("select payload::text from hub.messages where business_key = 'HS-20'");
        var legacyEvent = await ReceivedEventAsync(rig, "HS-20");
        Assert.Contains($"\"payload_sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clearText)))}\"", legacyEvent, StringComparison.Ordinal);

        var rewriter = new StoredPayloadRewriter(rig.Db, payloads, TestPersonalData.Cipher("k1"), new PersonalDataOptions { RewriteBatchSize = 1 });
        Assert.Equal(2L, await rewriter.StoredBeforeCountAsync(default));
        var progress = new List<int>();
        var unreadable = new Dictionary<string, int>();
        Assert.Equal(2, await rewriter.ProtectStoredBeforeAsync(unreadable, progress.Add, default));
        Assert.Empty(unreadable);
        Assert.Equal([1, 2], progress);

        // Done once: nothing in clear, the evidence is what it was, the plaintext's hash taken for what follows.
        Assert.Equal(0L, await rewriter.StoredBeforeCountAsync(default));
        Assert.Equal(0, await rewriter.ProtectStoredBeforeAsync(unreadable, null, default));
        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from hub.messages where payload::text like '%056085123485%' or payload::text like '%B1234567%'"));
        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from hub.inbox where payload like '%056085123485%' or payload like '%B1234567%'"));
        Assert.Equal(PayloadDigest.Of(Legacy), await rig.ScalarAsync<byte[]>("select payload_sha256 from hub.messages where business_key = 'HS-20'"));
        Assert.Equal(PayloadDigest.Of(Legacy), await rig.ScalarAsync<byte[]>("select payload_canonical_sha256 from hub.inbox"));
        Assert.Equal(PayloadDigest.Canonical(Legacy), PayloadDigest.Canonical(payloads.Unprotect(await rig.ScalarAsync<string>("select payload from hub.inbox"))));
        Assert.Equal(legacyEvent, await ReceivedEventAsync(rig, "HS-20"));
        Assert.Empty(await rig.Verifier.VerifyAsync(default));
    }

    private static async Task<string> ReceivedEventAsync(EvidenceRig rig, string businessKey)
    {
        await using var command = rig.Db.CreateCommand(
            $"select {EvidenceLineReader.Columns} from hub.message_log l {EvidenceLineReader.Joins} where l.event = 'received' and m.business_key = @key");
        command.Parameters.AddWithValue("key", businessKey);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Encoding.UTF8.GetString(EvidenceLineReader.Read(reader, 0)!.Canonical());
    }
}
