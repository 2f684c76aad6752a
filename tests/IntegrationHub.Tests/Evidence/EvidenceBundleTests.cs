using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Host.Evidence;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Evidence;

/// <summary>Bundles exported by the hub's exporter from a real database, checked offline: valid as exported; each edit
/// of the zip (an event's field, an event removed, a link's hash, the signed statement, the signature, the public key)
/// is caught and named; and the format is checkable with bash, openssl, sha256sum and xxd alone.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EvidenceBundleTests(PostgresCluster cluster)
{
    [Fact]
    public async Task An_exported_bundle_verifies_and_covers_events_linked_after_the_last_head_by_signing_one()
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();
        await rig.Signer.SignAsync(null, default);
        // Lines after the last head: the export links them and signs a head that covers them.
        await rig.ExecuteAsync($"insert into hub.message_log (message_id, event, detail, at) values ({rig.Replayed}, 'note', 'after the head', now())");
        var exporter = EvidenceBundleRig.Exporter(rig, Directory.CreateTempSubdirectory("hub-evidence-archive-").FullName);

        var files = await EvidenceBundleRig.ExportAsync(exporter, "HS-1");
        var report = EvidenceBundleChecker.Check(files);
        Assert.True(report.Valid, report.Text());
        var lines = await rig.ScalarAsync<long>($"select count(*) from hub.message_log where message_id = {rig.Replayed}");
        Assert.Equal(lines, report.Events);
        Assert.Equal(2L, await rig.ScalarAsync<long>("select count(*) from hub.evidence_heads"));
        Assert.StartsWith(rig.Keys.KeyId! + " (public key SHA-256 ", Assert.Single(report.KeyIds), StringComparison.Ordinal);
        Assert.Contains(files.Where(f => f.Key.StartsWith("events/", StringComparison.Ordinal)), f => Encoding.UTF8.GetString(f.Value).Contains("\"event\":\"note\"", StringComparison.Ordinal));

        var day = await rig.ScalarAsync<DateOnly>($"select (at at time zone '{rig.Options.Evidence.TimeZone}')::date from hub.message_log order by id limit 1");
        var dayReport = EvidenceBundleChecker.Check(await EvidenceBundleRig.ExportAsync(exporter, null, day));
        Assert.True(dayReport.Valid, dayReport.Text());
        Assert.Equal(await rig.ScalarAsync<long>($"select count(*) from hub.evidence_links k join hub.message_log l on l.id = k.log_id where (l.at at time zone '{rig.Options.Evidence.TimeZone}')::date = '{day:yyyy-MM-dd}'"), dayReport.Events);
    }

    [Fact]
    public async Task Each_edit_of_a_bundle_is_caught_and_named()
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();
        var exporter = EvidenceBundleRig.Exporter(rig, Directory.CreateTempSubdirectory("hub-evidence-archive-").FullName);
        var original = await EvidenceBundleRig.ExportAsync(exporter, "HS-1");
        Assert.True(EvidenceBundleChecker.Check(original).Valid);
        var manifest = JsonDocument.Parse(original[EvidenceBundleChecker.ManifestName]).RootElement;
        var first = manifest.GetProperty("events")[0];
        var (chain, seq) = (first.GetProperty("chain").GetInt32(), first.GetProperty("seq").GetInt64());
        var eventName = EvidenceBundleChecker.EventName(chain, seq);
        var head = original.Keys.Single(k => k.StartsWith("heads/", StringComparison.Ordinal) && k.EndsWith(".json", StringComparison.Ordinal));
        var signature = head[..^".json".Length] + ".sig";
        var key = original.Keys.Single(k => k.StartsWith("keys/", StringComparison.Ordinal));

        void Caught(string what, Action<Dictionary<string, byte[]>> edit, params string[] named)
        {
            var files = new Dictionary<string, byte[]>(original, StringComparer.Ordinal);
            edit(files);
            var report = EvidenceBundleChecker.Check(files);
            Assert.False(report.Valid, $"{what}: not caught");
            var text = report.Text();
            Assert.All(named, n => Assert.Contains(n, text, StringComparison.Ordinal));
        }

        Caught("an event's field", f => f[eventName] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(f[eventName]).Replace("\"v\":1", "\"v\":2", StringComparison.Ordinal)),
            eventName, "was changed", $"log line {first.GetProperty("log_id").GetInt64()}");
        Caught("an event removed", f => f.Remove(eventName), eventName, "was removed");
        var links = $"links/{chain}.txt";
        Caught("a link's hash", f => f[links] = Encoding.ASCII.GetBytes(string.Join('\n', Encoding.ASCII.GetString(f[links]).Split('\n')
            .Select(l => l.StartsWith($"{seq} ", StringComparison.Ordinal) ? $"{seq} {new string('a', 64)}" : l))), links, $"the hash of link {seq} was changed", new string('a', 64));
        Caught("the signed statement", f => f[head] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(f[head]).Replace("\"kind\":\"interval\"", "\"kind\":\"day\"", StringComparison.Ordinal)),
            signature, $"does not verify {head}");
        Caught("the signature swapped", f => f[signature] = rig.Keys.Sign(Encoding.UTF8.GetBytes("another statement")), signature, $"does not verify {head}");
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Caught("a different public key", f => f[key] = Encoding.ASCII.GetBytes(other.ExportSubjectPublicKeyInfoPem()), key, EvidenceKeys.Fingerprint(other));
        Caught("the whole chain's start", f => f[links] = Encoding.ASCII.GetBytes(string.Join('\n', Encoding.ASCII.GetString(f[links]).Split('\n')
            .Select(l => l.StartsWith($"{seq - 1} ", StringComparison.Ordinal) ? $"{seq - 1} {new string('b', 64)}" : l))), links, $"link {seq - 1}");
    }

    [StandardToolsFact]
    public async Task A_bundle_is_checked_with_openssl_sha256sum_and_xxd_alone()
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();
        var exporter = EvidenceBundleRig.Exporter(rig, Directory.CreateTempSubdirectory("hub-evidence-archive-").FullName);
        var folder = Directory.CreateTempSubdirectory("hub-evidence-bundle-").FullName;
        ZipFile.ExtractToDirectory(new MemoryStream(EvidenceBundleRig.Zip(await EvidenceBundleRig.ExportAsync(exporter, "HS-1"))), folder);
        var script = Path.Combine(folder, "check.sh");
        await File.WriteAllTextAsync(script, CheckScript);

        var (exit, output, error) = await ProcessRun.RunAsync(folder, "/usr/bin/bash", [script], null, TimeSpan.FromMinutes(1));
        Assert.True(exit == 0, output + error);
        Assert.Contains("Verified OK", output, StringComparison.Ordinal);
        Assert.Contains("chain ok", output, StringComparison.Ordinal);

        // The same script fails on an edited event.
        var anEvent = Directory.EnumerateFiles(Path.Combine(folder, "events")).First();
        await File.WriteAllTextAsync(anEvent, (await File.ReadAllTextAsync(anEvent)).Replace("\"v\":1", "\"v\":2", StringComparison.Ordinal));
        (exit, output, error) = await ProcessRun.RunAsync(folder, "/usr/bin/bash", [script], null, TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, exit);
        Assert.Contains("differs", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_paths_lead_to_the_root_for_every_leaf_of_trees_of_1_to_9_leaves()
    {
        for (var size = 1; size <= 9; size++)
        {
            var leaves = Enumerable.Range(0, size).Select(i => MerkleTree.Leaf(i, i * 3L, SHA256.HashData([(byte)i]))).ToList();
            var root = MerkleTree.Root(leaves);
            for (var index = 0; index < size; index++)
            {
                var path = MerkleTree.Path(leaves, index);
                Assert.Equal(root, MerkleTree.RootFromPath(leaves[index], index, size, path));
                if (size > 1)
                {
                    Assert.NotEqual(root, MerkleTree.RootFromPath(leaves[(index + 1) % size], index, size, path) ?? []);
                }
            }
        }
    }

    /// <summary>README "Evidence bundle format", checking by hand: the heads' signatures with openssl, each chain's
    /// links recomputed with xxd and sha256sum up to the hash its head signs.</summary>
    public const string CheckScript = """
        set -euo pipefail
        for statement in heads/*.json; do
          key_id=$(grep -o '"key_id":"[^"]*"' "$statement" | cut -d'"' -f4)
          openssl dgst -sha256 -verify "keys/$key_id.pem" -signature "${statement%.json}.sig" "$statement"
        done
        for links in links/*.txt; do
          chain=$(basename "$links" .txt)
          read -r seq previous < "$links"
          while read -r seq hash; do
            computed=$( { printf '%s' "$previous" | xxd -r -p; cat "events/$chain-$seq.json"; } | sha256sum | cut -d' ' -f1)
            if [ "$computed" != "$hash" ]; then echo "chain $chain link $seq: $computed differs from $hash"; exit 1; fi
            previous=$computed
            last=$seq
          done < <(tail -n +2 "$links")
          grep -q "\"chain\":$chain,\"head\":\"$previous\",\"seq\":$last}" heads/*.json || { echo "chain $chain: $previous at $last differs from every signed head"; exit 1; }
          echo "chain ok: $chain up to link $last"
        done
        """;
}
