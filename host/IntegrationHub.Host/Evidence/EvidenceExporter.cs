using System.Globalization;
using System.IO.Compression;
using System.Text;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Evidence;

/// <summary>Writes an evidence bundle (README "Evidence bundle format", version 2): the events of a business key or of
/// a local day and nothing else, each with the hash it was linked after (prev), its link hash and its inclusion proof
/// (RFC 6962 audit path) into the links_root of the signed head that covers it; those heads' statements, signatures
/// and public keys. Lines still queued are linked first, and a head is signed now when none covers them yet, so every
/// exported event is proved. A bundle's size depends on its subject's events only (and log2 of a head's links).</summary>
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

        var covering = await CoveringHeadsAsync(subject, cancellationToken);
        if (covering.Count < subject.Count)
        {
            await signer.SignAsync(null, cancellationToken);
            covering = await CoveringHeadsAsync(subject, cancellationToken);
        }

        var heads = covering.Values.DistinctBy(h => h.Id).ToDictionary(h => h.Id);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var head in heads.Values)
        {
            Write(archive, $"heads/{head.Id}.json", Encoding.UTF8.GetBytes(head.Text));
            Write(archive, $"heads/{head.Id}.sig", head.Signature);
            keys.Add(head.Statement.KeyId);
        }

        var proofs = new Dictionary<(int, long), (long Head, long Index, long Size, List<byte[]> Path)>();
        foreach (var group in subject.Where(e => covering.ContainsKey((e.Chain, e.Seq))).GroupBy(e => covering[(e.Chain, e.Seq)].Id))
        {
            var head = heads[group.Key];
            var leaves = await LeavesAsync(head.Id, cancellationToken);
            var subtrees = new Dictionary<(int, int), byte[]>();
            foreach (var e in group)
            {
                var index = head.Statement.LeafIndex(e.Chain, e.Seq)!.Value;
                var path = index < leaves.Count ? MerkleTree.Path(leaves, (int)index, subtrees) : [];
                proofs[(e.Chain, e.Seq)] = (head.Id, index, head.Statement.TreeSize, path);
            }
        }

        foreach (var keyId in keys)
        {
            Write(archive, $"keys/{keyId}.pem", Encoding.UTF8.GetBytes(await PublicKeyAsync(keyId, cancellationToken)));
        }

        var events = new List<object?>();
        foreach (var e in subject)
        {
            if (e.Event is not null)
            {
                Write(archive, EvidenceBundleChecker.EventName(e.Chain, e.Seq), e.Event);
            }

            // An event no head covers (its link removed before any head was signed after migration 0044) is listed
            // without a proof: the checker names it.
            var proof = proofs.TryGetValue((e.Chain, e.Seq), out var p) ? p : default((long, long, long, List<byte[]>)?);
            events.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["chain"] = (long)e.Chain, ["seq"] = e.Seq, ["log_id"] = e.LogId, ["message_id"] = e.MessageId,
                ["prev"] = e.Prev is null ? null : Convert.ToHexStringLower(e.Prev), ["hash"] = Convert.ToHexStringLower(e.Hash),
                ["head"] = proof?.Item1, ["leaf_index"] = proof?.Item2, ["tree_size"] = proof?.Item3,
                ["audit_path"] = proof?.Item4.Select(h => (object?)Convert.ToHexStringLower(h)).ToList(),
            });
        }

        var manifest = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["v"] = 2L,
            ["business_key"] = businessKey,
            ["day"] = day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["events"] = events,
        };
        Write(archive, EvidenceBundleChecker.ManifestName, CanonicalJson.Encode(manifest));
        return subject.Count;
    }

    private async Task<List<SubjectEvent>> SubjectAsync(string? businessKey, DateOnly? day, EvidenceArchiveIndex archived, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        IEnumerable<ArchivedLink> old;
        const string select = $"""
            select k.chain, k.seq, k.log_id, k.message_id, k.hash, k.prev, {EvidenceLineReader.Columns}
            from hub.evidence_links k
            left join hub.message_log l on l.message_id = k.message_id and l.id = k.log_id
            {EvidenceLineReader.Joins}
            """;
        if (businessKey is not null)
        {
            command.CommandText = select + " where k.message_id in (select id from hub.messages where business_key = @key)";
            command.Parameters.AddWithValue("key", businessKey);
            old = archived.OfBusinessKey(businessKey);
        }
        else
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.Evidence.TimeZone);
            var start = day!.Value.ToDateTime(TimeOnly.MinValue);
            var from = new DateTimeOffset(start, zone.GetUtcOffset(start)).ToUniversalTime();
            var to = new DateTimeOffset(start.AddDays(1), zone.GetUtcOffset(start.AddDays(1))).ToUniversalTime();
            command.CommandText = select + " where k.log_id in (select id from hub.message_log where at >= @from and at < @to)";
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            old = archived.Between(from, to);
        }

        var events = new Dictionary<(int, long), SubjectEvent>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                // A line missing from the log while its link is kept was deleted behind the hub's back: the bundle
                // lists the event without its file, and the checker names it.
                var e = new SubjectEvent(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetFieldValue<byte[]>(4),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5), EvidenceLineReader.Read(reader, 6)?.Canonical());
                events[(e.Chain, e.Seq)] = e;
            }
        }

        // Retention took archived lines (and their links) out of the database: their evidence archive lists them
        // (archives written before migration 0044 have no prev: the archived link before gives it).
        foreach (var l in old)
        {
            var prev = l.Prev ?? archived.Link(l.Chain, l.Seq - 1)?.Hash ?? (l.Seq == 1 ? EvidenceHash.Genesis : null);
            events.TryAdd((l.Chain, l.Seq), new SubjectEvent(l.Chain, l.Seq, l.LogId, l.MessageId, l.Hash, prev, Encoding.UTF8.GetBytes(l.Event)));
        }

        return [.. events.Values.OrderBy(e => e.Chain).ThenBy(e => e.Seq)];
    }

    /// <summary>For each subject event, the first signed head (by id) whose range of its chain covers it. Heads are
    /// read without their leaves; only those of the heads chosen are read afterwards.</summary>
    private async Task<Dictionary<(int, long), SignedHead>> CoveringHeadsAsync(List<SubjectEvent> subject, CancellationToken cancellationToken)
    {
        var ranges = subject.GroupBy(e => e.Chain).Select(g => (Chain: g.Key, Low: g.Min(e => e.Seq), High: g.Max(e => e.Seq))).ToList();
        var candidates = new List<SignedHead>();
        await using (var command = dataSource.CreateCommand(
            """
            select h.id, h.statement, h.signature from hub.evidence_heads h
            where h.leaves is not null
              and exists (select 1 from jsonb_array_elements(h.statement::jsonb -> 'chains') c
                          join unnest(@chains, @lows, @highs) as r(chain, low, high) on (c ->> 'chain')::int = r.chain
                          where (c ->> 'from')::bigint < r.high and (c ->> 'seq')::bigint >= r.low)
            order by h.id
            """))
        {
            command.Parameters.AddWithValue("chains", ranges.Select(r => r.Chain).ToArray());
            command.Parameters.AddWithValue("lows", ranges.Select(r => r.Low).ToArray());
            command.Parameters.AddWithValue("highs", ranges.Select(r => r.High).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (HeadStatement.Parse(reader.GetString(1)) is { } statement)
                {
                    candidates.Add(new SignedHead(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), statement));
                }
            }
        }

        // Per chain the heads' ranges follow each other in id order (each starts where the one before ended): the
        // first whose end reaches an event's seq is the one that covers it, if its range starts below the seq.
        var byChain = ranges.ToDictionary(r => r.Chain, r => candidates
            .SelectMany(h => h.Statement.Chains.Where(c => c.Chain == r.Chain && c.From < c.Seq).Select(c => (From: c.From!.Value, To: c.Seq, Head: h)))
            .ToList());
        var covering = new Dictionary<(int, long), SignedHead>();
        foreach (var e in subject)
        {
            var list = byChain[e.Chain];
            var (low, high) = (0, list.Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                (low, high) = list[middle].To < e.Seq ? (middle + 1, high) : (low, middle);
            }

            if (low < list.Count && list[low].From < e.Seq)
            {
                covering[(e.Chain, e.Seq)] = list[low].Head;
            }
        }

        return covering;
    }

    /// <summary>The head's stored leaf hashes (32 bytes each, in (chain, seq) order).</summary>
    private async Task<List<byte[]>> LeavesAsync(long headId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select leaves from hub.evidence_heads where id = @id");
        command.Parameters.AddWithValue("id", headId);
        var leaves = await command.ExecuteScalarAsync(cancellationToken) as byte[] ?? [];
        return [.. leaves.Chunk(32)];
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

    private sealed record SubjectEvent(int Chain, long Seq, long LogId, long MessageId, byte[] Hash, byte[]? Prev, byte[]? Event);
}
