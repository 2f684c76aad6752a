using System.Globalization;
using System.IO.Compression;
using System.Text;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Evidence;

/// <summary>Writes an evidence bundle (README "Evidence bundle format"): the events of a business key or of a local
/// day, every link from the one before the first of them to a signed head, that head's statement, signature, Merkle
/// audit path and public key. Lines still queued are linked first, and a head is signed now when none covers them yet,
/// so every exported event is proved.</summary>
public sealed class EvidenceExporter(
    NpgsqlDataSource dataSource, EvidenceSequencer sequencer, EvidenceHeadSigner signer, EvidenceArchive evidenceArchive, IOptions<HubOptions> options)
{
    /// <summary>Writes the bundle of <paramref name="businessKey"/> or <paramref name="day"/> into <paramref name="zip"/>.</summary>
    /// <returns>How many events the subject has (0: nothing written).</returns>
    public async Task<int> ExportAsync(string? businessKey, DateOnly? day, Stream zip, CancellationToken cancellationToken)
    {
        await sequencer.LinkAsync(cancellationToken);
        var archived = await evidenceArchive.ReadAsync(cancellationToken);
        var subject = await SubjectAsync(businessKey, day, archived, cancellationToken);
        if (subject.Count == 0)
        {
            return 0;
        }

        var chains = subject.GroupBy(e => e.Chain).ToDictionary(g => g.Key, g => (From: g.Min(e => e.Seq), Last: g.Max(e => e.Seq)));
        var heads = await CoveringHeadsAsync(chains, cancellationToken);
        if (heads.Count < chains.Count)
        {
            await signer.SignAsync(null, cancellationToken);
            heads = await CoveringHeadsAsync(chains, cancellationToken);
        }

        using var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true);
        var index = new List<object?>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var head in heads.Values.DistinctBy(h => h.Id))
        {
            Write(archive, $"heads/{head.Id}.json", Encoding.UTF8.GetBytes(head.Text));
            Write(archive, $"heads/{head.Id}.sig", head.Signature);
            keys.Add(head.Statement.KeyId);
        }

        foreach (var (chain, (from, _)) in chains.OrderBy(c => c.Key))
        {
            var head = heads[chain];
            var to = head.Statement.Chains.Single(c => c.Chain == chain).Seq;
            await WriteChainAsync(archive, chain, from, to, archived, cancellationToken);
            var ordered = head.Statement.Chains.OrderBy(c => c.Chain).ToList();
            var leaves = ordered.Select(c => MerkleTree.Leaf(c.Chain, c.Seq, c.Hash)).ToList();
            var leafIndex = ordered.FindIndex(c => c.Chain == chain);
            index.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["chain"] = (long)chain, ["from"] = from, ["to"] = to, ["head"] = head.Id,
                ["leaf_index"] = (long)leafIndex, ["tree_size"] = (long)leaves.Count,
                ["audit_path"] = MerkleTree.Path(leaves, leafIndex).Select(h => (object?)Convert.ToHexStringLower(h)).ToList(),
            });
        }

        foreach (var keyId in keys)
        {
            Write(archive, $"keys/{keyId}.pem", Encoding.UTF8.GetBytes(await PublicKeyAsync(keyId, cancellationToken)));
        }

        var manifest = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["v"] = 1L,
            ["business_key"] = businessKey,
            ["day"] = day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["events"] = subject.Select(e => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["chain"] = (long)e.Chain, ["seq"] = e.Seq, ["log_id"] = e.LogId, ["message_id"] = e.MessageId,
            }).ToList(),
            ["chains"] = index,
        };
        Write(archive, EvidenceBundleChecker.ManifestName, CanonicalJson.Encode(manifest));
        return subject.Count;
    }

    private async Task<List<(int Chain, long Seq, long LogId, long MessageId)>> SubjectAsync(string? businessKey, DateOnly? day, EvidenceArchiveIndex archived, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        IEnumerable<ArchivedLink> old;
        if (businessKey is not null)
        {
            command.CommandText = """
                select k.chain, k.seq, k.log_id, k.message_id from hub.evidence_links k
                where k.message_id in (select id from hub.messages where business_key = @key)
                """;
            command.Parameters.AddWithValue("key", businessKey);
            old = archived.OfBusinessKey(businessKey);
        }
        else
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.Evidence.TimeZone);
            var start = day!.Value.ToDateTime(TimeOnly.MinValue);
            var from = new DateTimeOffset(start, zone.GetUtcOffset(start)).ToUniversalTime();
            var to = new DateTimeOffset(start.AddDays(1), zone.GetUtcOffset(start.AddDays(1))).ToUniversalTime();
            command.CommandText = """
                select k.chain, k.seq, k.log_id, k.message_id from hub.evidence_links k
                where k.log_id in (select id from hub.message_log where at >= @from and at < @to)
                """;
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            old = archived.Between(from, to);
        }

        // Retention took archived lines (and their links) out of the database: their evidence archive lists them.
        var events = old.Select(l => (l.Chain, l.Seq, l.LogId, l.MessageId)).ToList();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add((reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        return [.. events.Distinct().OrderBy(e => e.Item1).ThenBy(e => e.Item2)];
    }

    /// <summary>For each chain, the first signed head whose seq for it reaches the chain's last subject event.</summary>
    private async Task<Dictionary<int, SignedHead>> CoveringHeadsAsync(Dictionary<int, (long From, long Last)> chains, CancellationToken cancellationToken)
    {
        var heads = new Dictionary<int, SignedHead>();
        foreach (var (chain, (_, last)) in chains)
        {
            await using var command = dataSource.CreateCommand(
                """
                select h.id, h.statement, h.signature from hub.evidence_heads h
                where exists (select 1 from jsonb_array_elements(h.statement::jsonb -> 'chains') c
                              where (c ->> 'chain')::int = @chain and (c ->> 'seq')::bigint >= @seq)
                order by h.id limit 1
                """);
            command.Parameters.AddWithValue("chain", chain);
            command.Parameters.AddWithValue("seq", last);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && HeadStatement.Parse(reader.GetString(1)) is { } statement)
            {
                heads[chain] = new SignedHead(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), statement);
            }
        }

        return heads;
    }

    /// <summary>links/&lt;chain&gt;.txt ("seq hash" from <paramref name="from"/> - 1 to <paramref name="to"/>) and
    /// events/&lt;chain&gt;-&lt;seq&gt;.json for each link from <paramref name="from"/>: from the log, or from the
    /// evidence archive retention wrote when the log line's month was archived.</summary>
    private async Task WriteChainAsync(ZipArchive archive, int chain, long from, long to, EvidenceArchiveIndex archived, CancellationToken cancellationToken)
    {
        var links = new SortedDictionary<long, (byte[] Hash, byte[]? Event)>();
        if (from == 1)
        {
            links[0] = (EvidenceHash.Genesis, null);
        }

        await using (var command = dataSource.CreateCommand(
            $"""
            select k.seq, k.hash, {EvidenceLineReader.Columns}
            from hub.evidence_links k
            left join hub.message_log l on l.message_id = k.message_id and l.id = k.log_id
            {EvidenceLineReader.Joins}
            where k.chain = @chain and k.seq between @from - 1 and @to
            """))
        {
            command.Parameters.AddWithValue("chain", chain);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // A line missing from the log while its link is kept was deleted behind the hub's back: the bundle
                // shows the link without its event, and the verifier names it.
                links[reader.GetInt64(0)] = (reader.GetFieldValue<byte[]>(1), EvidenceLineReader.Read(reader, 2)?.Canonical());
            }
        }

        // Links retention took out with their archived lines come from the evidence archive.
        for (var seq = Math.Max(from - 1, 0); seq <= to; seq++)
        {
            if (!links.ContainsKey(seq) && archived.Link(chain, seq) is { } old)
            {
                links[seq] = (old.Hash, Encoding.UTF8.GetBytes(old.Event));
            }
        }

        var text = new StringBuilder();
        foreach (var (seq, (hash, canonical)) in links)
        {
            text.Append(seq.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Convert.ToHexStringLower(hash)).Append('\n');
            if (seq >= from && canonical is not null)
            {
                Write(archive, EvidenceBundleChecker.EventName(chain, seq), canonical);
            }
        }

        Write(archive, $"links/{chain}.txt", Encoding.ASCII.GetBytes(text.ToString()));
    }

    private async Task<string> PublicKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select public_key from hub.evidence_keys where key_id = @id");
        command.Parameters.AddWithValue("id", keyId);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? "";
    }

    private static void Write(ZipArchive archive, string name, byte[] content)
    {
        using var entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(content);
    }

    private sealed record SignedHead(long Id, string Text, byte[] Signature, HeadStatement Statement);
}
