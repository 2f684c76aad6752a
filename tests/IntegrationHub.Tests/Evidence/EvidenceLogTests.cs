using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Evidence;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Evidence;

/// <summary>The evidence log (issue 15, items 1, 2 and 4): each event of a message's life linked into a hash chain by
/// the sequencer, heads signed, and edits made behind the hub's back with plain SQL caught and named.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EvidenceLogTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Every_event_of_a_message_life_is_linked_with_its_evidence_and_an_untouched_log_verifies()
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();

        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from hub.evidence_queue"));
        Assert.Equal(
            await rig.ScalarAsync<long>("select count(*) from hub.message_log"),
            await rig.ScalarAsync<long>("select count(*) from hub.message_log l join hub.evidence_links k on k.log_id = l.id and k.message_id = l.message_id"));
        // received x2, dead, delivered, replayed: chains are per message, each numbered from 1 without a gap.
        Assert.Equal(5L, await rig.ScalarAsync<long>("select count(*) from hub.evidence_links"));
        Assert.True(await rig.ScalarAsync<bool>("select bool_and(seq = n) from (select seq, row_number() over (partition by chain order by seq) as n from hub.evidence_links) s"));

        // What went into the chain: the canonical events carry the checkpoint, the reference, the officer and the reason.
        var events = await CanonicalEventsAsync(rig);
        Assert.Contains(events, e => e.Contains("\"event\":\"received\"", StringComparison.Ordinal) && e.Contains("\"facts\":{\"checkpoint\":\"cursor-after-HS-2\"}", StringComparison.Ordinal)
            && e.Contains("\"payload_sha256\":", StringComparison.Ordinal) && e.Contains("\"business_key\":\"HS-1\"", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Contains("\"event\":\"delivered\"", StringComparison.Ordinal) && e.Contains("\"facts\":{\"reference\":\"IGATE-2026-77\"}", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Contains("\"event\":\"replayed\"", StringComparison.Ordinal) && e.Contains("\"operator\":\"officer.lan\",\"reason\":\"iGate fixed its schema\"", StringComparison.Ordinal));

        Assert.Empty(await rig.Verifier.VerifyAsync(default));
        Assert.Equal(0L, await rig.ScalarAsync<long>("select count(*) from hub.alerts"));
    }

    [Fact]
    public async Task A_link_is_the_sha256_of_the_previous_hash_and_the_documented_canonical_event()
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();

        // Recomputed from the rows by hand, as an inspector would with their own tools (README "Evidence log").
        var (logId, at, actionId) = (await rig.LongsAsync($"select id from hub.message_log where event = 'replayed'"))[0] is var id
            ? (id, await rig.ScalarAsync<DateTime>($"select at from hub.message_log where id = {id}"), await rig.ScalarAsync<long>($"select action_id from hub.message_log where id = {id}"))
            : default;
        var canonical = "{\"action\":{\"id\":" + actionId + ",\"kind\":\"replay\",\"operator\":\"officer.lan\",\"reason\":\"iGate fixed its schema\"}," +
            "\"at\":\"" + at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "\"," +
            "\"destination\":\"igate\",\"detail\":\"by officer.lan: iGate fixed its schema\",\"event\":\"replayed\",\"log_id\":" + logId + "," +
            "\"message_id\":" + rig.Replayed + ",\"v\":1}";
        var (chain, seq) = (await rig.ScalarAsync<int>($"select chain from hub.evidence_links where log_id = {logId}"), await rig.ScalarAsync<long>($"select seq from hub.evidence_links where log_id = {logId}"));
        var previous = seq == 1 ? new byte[32] : await rig.ScalarAsync<byte[]>($"select hash from hub.evidence_links where chain = {chain} and seq = {seq - 1}");
        var expected = SHA256.HashData([.. previous, .. Encoding.UTF8.GetBytes(canonical)]);
        Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(await rig.ScalarAsync<byte[]>($"select hash from hub.evidence_links where log_id = {logId}")));
    }

    [Theory]
    [InlineData("update-line")]
    [InlineData("delete-line")]
    [InlineData("edit-hash")]
    [InlineData("delete-link")]
    [InlineData("edit-message")]
    public async Task An_edit_behind_the_hub_back_is_an_alert_naming_the_first_broken_link(string edit)
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();
        Assert.Empty(await rig.Verifier.VerifyAsync(default));
        var delivered = (await rig.LongsAsync($"select id from hub.message_log where event = 'delivered'"))[0];
        var received = (await rig.LongsAsync($"select id from hub.message_log where event = 'received' and message_id = {rig.Delivered}"))[0];
        var target = edit == "edit-message" ? received : delivered;
        var chain = await rig.ScalarAsync<int>($"select chain from hub.evidence_links where log_id = {target}");
        var seq = await rig.ScalarAsync<long>($"select seq from hub.evidence_links where log_id = {target}");

        await rig.ExecuteAsync(edit switch
        {
            "update-line" => $"update hub.message_log set detail = 'IGATE-2026-78', facts = '{{\"reference\":\"IGATE-2026-78\"}}' where id = {delivered}",
            "delete-line" => $"delete from hub.message_log where id = {delivered}",
            "edit-hash" => $"update hub.evidence_links set hash = sha256('forged') where log_id = {delivered}",
            "delete-link" => $"delete from hub.evidence_links where log_id = {delivered}",
            "edit-message" => $"update hub.messages set payload = '{{\"MaHoSo\":\"HS-2\",\"SoTien\":1}}' where id = {rig.Delivered}",
            _ => throw new ArgumentOutOfRangeException(nameof(edit)),
        });

        var broken = Assert.Single(await rig.Verifier.VerifyAsync(default));
        Assert.Equal((chain, seq), (broken.Chain, broken.Seq));
        if (edit != "delete-link")
        {
            Assert.Equal((rig.Delivered, target), (broken.MessageId, broken.LogId));
        }

        var alert = await rig.ScalarAsync<string>($"select subject from hub.alerts where kind = '{EvidenceVerifier.AlertKind}'");
        Assert.StartsWith($"Evidence log: chain {chain} broken at link {seq}", alert, StringComparison.Ordinal);
        // Seen again by the next pass, raised once.
        Assert.Single(await rig.Verifier.VerifyAsync(default));
        Assert.Equal(1L, await rig.ScalarAsync<long>("select count(*) from hub.alerts"));
    }

    [Fact]
    public async Task A_chain_rewritten_from_an_edited_line_onward_is_caught_by_the_signed_head()
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();
        var head = await rig.Signer.SignAsync(null, default);
        var delivered = (await rig.LongsAsync("select id from hub.message_log where event = 'delivered'"))[0];
        var chain = await rig.ScalarAsync<int>($"select chain from hub.evidence_links where log_id = {delivered}");

        // Someone with database access changes the reference and recomputes every later hash of the chain and its head:
        // the chain alone is consistent again.
        await rig.ExecuteAsync($"update hub.message_log set facts = '{{\"reference\":\"IGATE-2026-78\"}}' where id = {delivered}");
        await RelinkAsync(rig, chain);
        var breaks = await rig.Verifier.VerifyAsync(default);

        var broken = Assert.Single(breaks);
        Assert.Equal(head, broken.HeadId);
        Assert.Contains($"chain {chain}'s link", broken.Problem, StringComparison.Ordinal);
        Assert.Contains("the chain was rewritten", broken.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("leaf")]
    [InlineData("link")]
    [InlineData("prev")]
    public async Task An_edit_of_a_head_stored_leaves_or_of_a_link_it_covers_is_an_alert(string edit)
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();
        var head = await rig.Signer.SignAsync(null, default);
        Assert.Equal(5L * 32, await rig.ScalarAsync<int>($"select length(leaves) from hub.evidence_heads where id = {head}"));
        Assert.Empty(await rig.Verifier.VerifyAsync(default));
        // A link inside the chain (not its last, which the statement's chain head names too).
        var target = (await rig.LongsAsync("select id from hub.message_log where event = 'dead'"))[0];
        var chain = await rig.ScalarAsync<int>($"select chain from hub.evidence_links where log_id = {target}");
        var seq = await rig.ScalarAsync<long>($"select seq from hub.evidence_links where log_id = {target}");

        await rig.ExecuteAsync(edit switch
        {
            // A stored leaf replaced (as a forger who rewrote a link would have to): the leaves no longer hash to the signed root.
            "leaf" => $"update hub.evidence_heads set leaves = overlay(leaves placing sha256('forged') from 33 for 32) where id = {head}",
            "link" => $"update hub.evidence_links set hash = sha256('forged') where log_id = {target}",
            "prev" => $"update hub.evidence_links set prev = sha256('forged') where log_id = {target}",
            _ => throw new ArgumentOutOfRangeException(nameof(edit)),
        });

        var breaks = await rig.Verifier.VerifyAsync(default);
        var alerts = await rig.ScalarAsync<string>($"select string_agg(subject, ' | ' order by subject) from hub.alerts where kind = '{EvidenceVerifier.AlertKind}'");
        switch (edit)
        {
            case "leaf":
                var broken = Assert.Single(breaks);
                Assert.Equal(head, broken.HeadId);
                Assert.Contains("do not hash to its signed links_root: hub.evidence_heads.leaves was changed", broken.Problem, StringComparison.Ordinal);
                Assert.Equal($"Evidence log: signed head {head} does not verify", alerts);
                break;
            case "link":
                Assert.Contains(breaks, b => b.HeadId == head && b.Problem.Contains($"chain {chain}'s link {seq} is not the link whose leaf it stored", StringComparison.Ordinal));
                Assert.Contains(breaks, b => (b.Chain, b.Seq) == (chain, seq));
                Assert.Contains($"Evidence log: signed head {head} does not verify", alerts, StringComparison.Ordinal);
                break;
            default:
                var prev = Assert.Single(breaks);
                Assert.Equal((chain, seq, target), (prev.Chain, prev.Seq, prev.LogId));
                Assert.Contains($"keeps a prev that is not the hash of link {seq - 1}", prev.Problem, StringComparison.Ordinal);
                Assert.StartsWith($"Evidence log: chain {chain} broken at link {seq}", alerts, StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public async Task Migration_0044_gives_the_links_made_before_it_their_prev()
    {
        await using var db = Npgsql.NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        var migrator = new Host.Storage.SchemaMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<Host.Storage.SchemaMigrator>.Instance);
        await migrator.MigrateAsync(43, default);
        await using (var command = db.CreateCommand(
            """
            insert into hub.evidence_links (chain, seq, log_id, message_id, hash, linked_at) values
                (0, 1, 1, 2, sha256('a'), now()), (0, 2, 2, 2, sha256('b'), now()), (0, 4, 4, 4, sha256('d'), now()), (1, 6, 6, 1, sha256('f'), now());
            insert into hub.evidence_retired (chain, from_seq, to_seq, last_hash, archive) values (0, 3, 3, sha256('c'), 'an archive');
            """))
        {
            await command.ExecuteNonQueryAsync();
        }

        await migrator.MigrateAsync(default);

        var prevs = new List<string>();
        await using (var command = db.CreateCommand("select chain || '-' || seq || ':' || coalesce(encode(prev, 'hex'), 'null') from hub.evidence_links order by chain, seq"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                prevs.Add(reader.GetString(0));
            }
        }

        string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        // The chain's start, the link before, the last of a retired run before; a predecessor gone otherwise: unknown.
        Assert.Equal([$"0-1:{new string('0', 64)}", $"0-2:{Hex("a")}", $"0-4:{Hex("c")}", "1-6:null"], prevs);
    }

    [Theory]
    [InlineData("statement")]
    [InlineData("other-key")]
    [InlineData("root")]
    public async Task A_forged_head_is_caught(string forgery)
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();
        var head = await rig.Signer.SignAsync(null, default);
        Assert.Empty(await rig.Verifier.VerifyAsync(default));

        switch (forgery)
        {
            case "statement":
                // A head claimed to be older: its statement edited, the signature kept.
                await rig.ExecuteAsync($"update hub.evidence_heads set statement = replace(statement, '\"kind\":\"interval\"', '\"kind\":\"interval\" ') where id = {head}");
                break;
            case "other-key":
                // A head made with a key of the forger's, under the hub's key id.
                using (var forger = EvidenceRig.KeysFor(new EvidenceOptions { SigningKey = new() { Pem = EvidenceRig.NewKeyPem(), KeyId = rig.Keys.KeyId } }))
                {
                    var signer = new EvidenceHeadSigner(rig.Db, forger, rig.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<EvidenceHeadSigner>.Instance);
                    head = await signer.SignAsync(null, default);
                }

                break;
            case "root":
                await rig.ExecuteAsync($"update hub.evidence_heads set root = sha256('forged') where id = {head}");
                break;
        }

        var broken = Assert.Single(await rig.Verifier.VerifyAsync(default));
        Assert.Equal(head, broken.HeadId);
        Assert.Equal($"Evidence log: signed head {head} does not verify",
            await rig.ScalarAsync<string>($"select subject from hub.alerts where kind = '{EvidenceVerifier.AlertKind}'"));
    }

    [Fact]
    public async Task Heads_signed_before_a_key_rotation_verify_with_the_old_public_key_listed()
    {
        await using var rig = await EvidenceRig.StartAsync(cluster);
        await rig.WriteLifeAsync();
        var dayHead = await rig.Signer.SignAsync(new DateOnly(2026, 12, 4), default);
        Assert.Null(await rig.Signer.SignAsync(new DateOnly(2026, 12, 4), default));
        var oldKeyId = rig.Keys.KeyId!;
        var oldPublic = rig.Keys.PublicKeyPem!;

        // The signed statement verifies with plain ECDSA and the key stored for it, outside the hub's classes.
        var statement = await rig.ScalarAsync<string>($"select statement from hub.evidence_heads where id = {dayHead}");
        using (var stored = ECDsa.Create())
        {
            stored.ImportFromPem(await rig.ScalarAsync<string>($"select public_key from hub.evidence_keys where key_id = '{oldKeyId}'"));
            Assert.True(stored.VerifyData(Encoding.UTF8.GetBytes(statement), await rig.ScalarAsync<byte[]>($"select signature from hub.evidence_heads where id = {dayHead}"),
                HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }

        Assert.Contains("\"day\":\"2026-12-04\"", statement, StringComparison.Ordinal);
        var newPem = EvidenceRig.NewKeyPem();
        using var rotated = EvidenceRig.KeysFor(new EvidenceOptions { SigningKey = new() { Pem = newPem }, VerificationKeys = { [oldKeyId] = oldPublic } });
        using var forgotten = EvidenceRig.KeysFor(new EvidenceOptions { SigningKey = new() { Pem = newPem } });
        Assert.NotEqual(oldKeyId, rotated.KeyId);
        var options = Microsoft.Extensions.Options.Options.Create(rig.Options);
        var alerts = new Host.Observability.AlertStore(rig.Db, rig.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<Host.Observability.AlertStore>.Instance);
        await new EvidenceHeadSigner(rig.Db, rotated, rig.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<EvidenceHeadSigner>.Instance).SignAsync(null, default);

        Assert.Empty(await new EvidenceVerifier(rig.Db, options, rotated, alerts, TestPersonalData.Payloads(), Microsoft.Extensions.Logging.Abstractions.NullLogger<EvidenceVerifier>.Instance).VerifyAsync(default));
        var broken = Assert.Single(await new EvidenceVerifier(rig.Db, options, forgotten, alerts, TestPersonalData.Payloads(), Microsoft.Extensions.Logging.Abstractions.NullLogger<EvidenceVerifier>.Instance).VerifyAsync(default));
        Assert.Contains($"signed with key '{oldKeyId}', which is not among the configured keys", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_is_required_outside_development_generated_in_development_and_never_shown()
    {
        using var production = EvidenceRig.KeysFor(new EvidenceOptions());
        Assert.Contains(production.Problems, p => p.StartsWith("Hub:Evidence:SigningKey:Path or Hub:Evidence:SigningKey:Pem", StringComparison.Ordinal));
        using var off = EvidenceRig.KeysFor(new EvidenceOptions { Enabled = false });
        Assert.Empty(off.Problems);
        var pem = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----";
        using var broken = EvidenceRig.KeysFor(new EvidenceOptions { SigningKey = new() { Pem = pem } });
        Assert.Equal(["Hub:Evidence:SigningKey is not an ECDSA key in PEM."], broken.Problems);
        using var rsa = RSA.Create(2048);
        using var notP256 = EvidenceRig.KeysFor(new EvidenceOptions { SigningKey = new() { Pem = rsa.ExportPkcs8PrivateKeyPem() } });
        Assert.Single(notP256.Problems);

        var root = Directory.CreateTempSubdirectory("hub-evidence-dev-").FullName;
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development", ContentRootPath = root };
        var options = Microsoft.Extensions.Options.Options.Create(new HubOptions());
        using var first = new EvidenceKeys(options, environment, Microsoft.Extensions.Logging.Abstractions.NullLogger<EvidenceKeys>.Instance);
        using var second = new EvidenceKeys(options, environment, Microsoft.Extensions.Logging.Abstractions.NullLogger<EvidenceKeys>.Instance);
        Assert.Empty(first.Problems);
        Assert.True(File.Exists(Path.Combine(root, EvidenceKeys.GeneratedKeyPath)));
        Assert.Equal(first.KeyId, second.KeyId);
    }

    [Fact]
    public async Task Production_without_a_key_does_not_start_and_says_how_to_give_one()
    {
        var settings = TestHub.BaseSettings("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none");
        settings["Hub:Evidence:SigningKey:Path"] = "";
        settings["Connectors:national-portal:BaseUrl"] = "http://127.0.0.1:9/";
        settings["Connectors:igate:BaseUrl"] = "http://127.0.0.1:9/";

        var error = await Assert.ThrowsAsync<Host.HubStartupException>(() => Host.HubApplication.CheckConfigurationAsync(["--environment", "Production"],
            c => Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(c, settings)));
        Assert.Contains("Hub:Evidence:SigningKey:Path or Hub:Evidence:SigningKey:Pem (environment variable Hub__Evidence__SigningKey__Pem) must be set in Production", error.Message, StringComparison.Ordinal);

        settings["Hub:Evidence:Enabled"] = "false";
        Assert.StartsWith("The configuration of environment 'Production' has no problem",
            await Host.HubApplication.CheckConfigurationAsync(["--environment", "Production"], c => Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(c, settings)),
            StringComparison.Ordinal);
    }

    private static async Task<List<string>> CanonicalEventsAsync(EvidenceRig rig)
    {
        var events = new List<string>();
        await using var command = rig.Db.CreateCommand($"select {EvidenceLineReader.Columns} from hub.message_log l {EvidenceLineReader.Joins} order by l.id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(Encoding.UTF8.GetString(EvidenceLineReader.Read(reader, 0)!.Canonical()));
        }

        return events;
    }

    /// <summary>What a forger with database access would do: recompute the chain's hashes from its (edited) lines.</summary>
    private static async Task RelinkAsync(EvidenceRig rig, int chain)
    {
        var lines = new List<(long Seq, EvidenceLine Line)>();
        await using (var command = rig.Db.CreateCommand(
            $"select k.seq, {EvidenceLineReader.Columns} from hub.evidence_links k join hub.message_log l on l.id = k.log_id and l.message_id = k.message_id {EvidenceLineReader.Joins} where k.chain = {chain} order by k.seq"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add((reader.GetInt64(0), EvidenceLineReader.Read(reader, 1)!));
            }
        }

        var previous = EvidenceHash.Genesis;
        foreach (var (seq, line) in lines)
        {
            var prev = previous;
            previous = EvidenceHash.Link(previous, line.Canonical());
            await rig.ExecuteAsync($"update hub.evidence_links set hash = '\\x{Convert.ToHexStringLower(previous)}', prev = '\\x{Convert.ToHexStringLower(prev)}' where chain = {chain} and seq = {seq}");
        }

        await rig.ExecuteAsync($"update hub.evidence_chains set head = '\\x{Convert.ToHexStringLower(previous)}' where chain = {chain}");
    }
}
