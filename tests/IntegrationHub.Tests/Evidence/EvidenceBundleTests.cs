using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Evidence;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Evidence;

/// <summary>Bundles exported by the hub's exporter from a real database, checked offline: valid as exported, holding
/// the subject's events alone; each edit of the zip (an event, its prev or link hash, an audit path node, the signed
/// statement, the signature, the public key) is caught and named; and the format is checkable with openssl and a few
/// lines of python.</summary>
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
        // The subject's events alone: HS-2's (the other message) are not in it.
        Assert.Equal(lines, files.Keys.Count(k => k.StartsWith("events/", StringComparison.Ordinal)));
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
        var label = $"{eventName} (log line {first.GetProperty("log_id").GetInt64()} of message {first.GetProperty("message_id").GetInt64()}, chain {chain}, link {seq})";
        Assert.True(first.GetProperty("audit_path").GetArrayLength() > 0, "a head over several links");
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
            Assert.All(named, n => Assert.True(text.Contains(n, StringComparison.Ordinal), $"{what}: {n} not in {text}"));
        }

        void EditFirst(Dictionary<string, byte[]> files, Action<JsonObject> edit)
        {
            var root = JsonNode.Parse(files[EvidenceBundleChecker.ManifestName])!;
            edit(root["events"]![0]!.AsObject());
            files[EvidenceBundleChecker.ManifestName] = Encoding.UTF8.GetBytes(root.ToJsonString());
        }

        Caught("an event's field", f => f[eventName] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(f[eventName]).Replace("\"v\":1", "\"v\":2", StringComparison.Ordinal)),
            label, "was changed, or its prev");
        Caught("an event removed", f => f.Remove(eventName), label, "was removed");
        Caught("a prev", f => EditFirst(f, e => e["prev"] = new string('a', 64)), label, "its prev");
        Caught("a link hash", f => EditFirst(f, e => e["hash"] = new string('a', 64)), $"the link hash of {label} was changed", new string('a', 64));
        Caught("an audit path node", f => EditFirst(f, e => e["audit_path"]![0] = new string('b', 64)), $"the audit path (or leaf_index, tree_size) of {label} was changed");
        Caught("a leaf index", f => EditFirst(f, e => e["leaf_index"] = first.GetProperty("leaf_index").GetInt64() + 1), $"the leaf_index/tree_size of {label} were changed");
        Caught("a seq outside the head", f => EditFirst(f, e => e["seq"] = 99), "events/", "link 99) is not within the links");
        Caught("the signed statement", f => f[head] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(f[head]).Replace("\"kind\":\"interval\"", "\"kind\":\"day\"", StringComparison.Ordinal)),
            signature, $"does not verify {head}");
        Caught("the signature swapped", f => f[signature] = rig.Keys.Sign(Encoding.UTF8.GetBytes("another statement")), signature, $"does not verify {head}");
        Caught("the business key the manifest names", f =>
        {
            var root = JsonNode.Parse(f[EvidenceBundleChecker.ManifestName])!;
            root["business_key"] = "HS-2";
            f[EvidenceBundleChecker.ManifestName] = Encoding.UTF8.GetBytes(root.ToJsonString());
        }, $"message {first.GetProperty("message_id").GetInt64()} is not shown to be of business key 'HS-2'");
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Caught("a different public key", f => f[key] = Encoding.ASCII.GetBytes(other.ExportSubjectPublicKeyInfoPem()), key, EvidenceKeys.Fingerprint(other));
    }

    [Fact]
    public async Task A_bundle_holds_its_business_keys_events_alone_however_many_other_messages_share_its_chain()
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();
        var exporter = EvidenceBundleRig.Exporter(rig, Directory.CreateTempSubdirectory("hub-evidence-archive-").FullName);
        var chain = await rig.ScalarAsync<int>($"select chain from hub.evidence_links where message_id = {rig.Replayed} limit 1");
        var few = await EvidenceBundleRig.ExportAsync(exporter, "HS-1");

        // Other messages (other business keys, an officer's discard with a reason) between HS-1's events and after,
        // over several heads; then one more HS-1 event.
        await OtherMessagesAsync(rig, "OTHER-A", 30);
        await rig.Signer.SignAsync(null, default);
        await rig.ExecuteAsync($"insert into hub.message_log (message_id, event, detail, at) values ({rig.Replayed}, 'note', 'after the others', now())");
        await OtherMessagesAsync(rig, "OTHER-B", 30);
        var many = await EvidenceBundleRig.ExportAsync(exporter, "HS-1");
        var subjectLines = await rig.ScalarAsync<long>($"select count(*) from hub.message_log where message_id = {rig.Replayed}");
        Assert.True(await rig.ScalarAsync<long>($"select count(*) from hub.evidence_links where chain = {chain} and message_id <> {rig.Replayed}") >= 30,
            "the chain holds other messages' links");

        foreach (var (files, events) in new[] { (few, subjectLines - 1), (many, subjectLines) })
        {
            var report = EvidenceBundleChecker.Check(files);
            Assert.True(report.Valid, report.Text());
            Assert.Equal(events, report.Events);
            Assert.Equal(events, files.Keys.Count(k => k.StartsWith("events/", StringComparison.Ordinal)));
            Assert.Equal(events, JsonDocument.Parse(files[EvidenceBundleChecker.ManifestName]).RootElement.GetProperty("events").GetArrayLength());
            var text = string.Concat(files.Values.Select(Encoding.UTF8.GetString));
            Assert.DoesNotContain("OTHER-", text, StringComparison.Ordinal);
            Assert.DoesNotContain("officer.other", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"\"message_id\":{rig.Delivered}", text, StringComparison.Ordinal);
            // Each proof is log2 of the head's links, not the chain's length.
            foreach (var e in JsonDocument.Parse(files[EvidenceBundleChecker.ManifestName]).RootElement.GetProperty("events").EnumerateArray())
            {
                Assert.True(e.GetProperty("audit_path").GetArrayLength() <= Math.Ceiling(Math.Log2(e.GetProperty("tree_size").GetInt64())));
            }
        }
    }

    /// <summary>Messages of other business keys, delivered, one discarded by an officer with a reason, linked.</summary>
    private static async Task OtherMessagesAsync(EvidenceRig rig, string prefix, int count)
    {
        var now = rig.Clock.GetUtcNow();
        await new MessageStore(rig.Db, TestPersonalData.Payloads()).AppendAsync(EvidenceRig.Flow, 1,
            [.. Enumerable.Range(0, count).Select(i => new SourceRecord($"{prefix}-{i}", $$"""{"MaHoSo":"{{prefix}}-{{i}}"}""", $"{prefix}-{i}", "1"))],
            [EvidenceRig.Destination], new SourceCheckpoint($"cursor-{prefix}"), now, default);
        var ids = await rig.LongsAsync($"select id from hub.messages where business_key like '{prefix}-%' order by id");
        await new DeliveryStore(rig.Db).RecordAsync(EvidenceRig.Flow, EvidenceRig.Destination,
            [.. ids.Skip(1).Select(id => new DeliveryResult(id, DeliveryStatus.Delivered, 1, null, null, null, "delivered", 3, Reference: $"REF-{id}", Note: $"REF-{id}")),
             new DeliveryResult(ids[0], DeliveryStatus.Dead, 1, null, "rejected", "no", "dead", 3)],
            holdBehindDeadLetter: true, now, default);
        await new DeadLetterStore(rig.Db).DiscardAsync(new DeadLetterSelection(MessageIds: [ids[0]]), "officer.other", "duplicate of another dossier", now, default);
        await rig.Sequencer.LinkAsync(default);
    }

    [StandardToolsFact]
    public async Task A_bundle_is_checked_with_openssl_and_a_few_lines_of_python_alone()
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();
        var exporter = EvidenceBundleRig.Exporter(rig, Directory.CreateTempSubdirectory("hub-evidence-archive-").FullName);
        var folder = Directory.CreateTempSubdirectory("hub-evidence-bundle-").FullName;
        ZipFile.ExtractToDirectory(new MemoryStream(EvidenceBundleRig.Zip(await EvidenceBundleRig.ExportAsync(exporter, "HS-1"))), folder);
        var script = Path.Combine(folder, "check.sh");
        await File.WriteAllTextAsync(script, CheckScript);
        await File.WriteAllTextAsync(Path.Combine(folder, "check.py"), CheckPython);
        // The script is the README's, as written there.
        Assert.Contains(CheckPython.ReplaceLineEndings("\n"), (await File.ReadAllTextAsync(Path.Combine(RepositoryFolder.Root(), "README.md"))).ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var (exit, output, error) = await ProcessRun.RunAsync(folder, "/usr/bin/bash", [script], null, TimeSpan.FromMinutes(1));
        Assert.True(exit == 0, output + error);
        Assert.Contains("Verified OK", output, StringComparison.Ordinal);
        Assert.Contains(" ok under head ", output, StringComparison.Ordinal);

        // The same script fails on an edited event, and on an edited audit path.
        var anEvent = Directory.EnumerateFiles(Path.Combine(folder, "events")).First();
        var text = await File.ReadAllTextAsync(anEvent);
        await File.WriteAllTextAsync(anEvent, text.Replace("\"v\":1", "\"v\":2", StringComparison.Ordinal));
        (exit, output, error) = await ProcessRun.RunAsync(folder, "/usr/bin/bash", [script], null, TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, exit);
        Assert.Contains("link differs", output + error, StringComparison.Ordinal);
        await File.WriteAllTextAsync(anEvent, text);
        var manifest = Path.Combine(folder, EvidenceBundleChecker.ManifestName);
        var node = JsonNode.Parse(await File.ReadAllTextAsync(manifest))!;
        node["events"]![0]!["audit_path"]![0] = new string('c', 64);
        await File.WriteAllTextAsync(manifest, node.ToJsonString());
        (exit, output, error) = await ProcessRun.RunAsync(folder, "/usr/bin/bash", [script], null, TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, exit);
        Assert.Contains("proof differs", output + error, StringComparison.Ordinal);
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

    /// <summary>README "Evidence bundle format", checking by hand: the heads' signatures with openssl, then
    /// <see cref="CheckPython"/>.</summary>
    public const string CheckScript = """
        set -euo pipefail
        for statement in heads/*.json; do
          key_id=$(grep -o '"key_id":"[^"]*"' "$statement" | cut -d'"' -f4)
          openssl dgst -sha256 -verify "keys/$key_id.pem" -signature "${statement%.json}.sig" "$statement"
        done
        /usr/bin/python3 check.py
        """;

    /// <summary>README "Evidence bundle format": each event's link, leaf and audit path to its head's links_root.</summary>
    public const string CheckPython = """
        import hashlib, json
        H = lambda b: hashlib.sha256(b).digest()
        for e in json.load(open('bundle.json'))['events']:
            name = f"events/{e['chain']}-{e['seq']}.json"
            link = H(bytes.fromhex(e['prev']) + open(name, 'rb').read())
            assert link.hex() == e['hash'], f"{name}: link differs"
            node = H(b'\0' + e['chain'].to_bytes(4, 'big') + e['seq'].to_bytes(8, 'big') + link)
            fn, sn = e['leaf_index'], e['tree_size'] - 1
            for sibling in map(bytes.fromhex, e['audit_path']):
                if fn % 2 == 1 or fn == sn:
                    node = H(b'\1' + sibling + node)
                    while fn % 2 == 0 and fn != 0:
                        fn, sn = fn >> 1, sn >> 1
                else:
                    node = H(b'\1' + node + sibling)
                fn, sn = fn >> 1, sn >> 1
            head = json.load(open(f"heads/{e['head']}.json"))
            assert sn == 0 and node.hex() == head['links_root'], f"{name}: proof differs"
            chain = next(c for c in head['chains'] if c['chain'] == e['chain'])
            assert chain['from'] < e['seq'] <= chain['seq'], f"{name}: outside the head"
            print(f"{name} ok under head {e['head']}")
        """;
}
