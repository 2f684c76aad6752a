using System.Data;
using System.Text;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Observability;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Evidence;

/// <summary>Re-checks the chains (each link's hash recomputed from the log line as it is now) and the signed heads
/// (signature, root, and that each chain still holds the head's hash at its seq), a slice per pass, going on where
/// the last pass stopped and starting again at the end. Each break is an alert naming the first broken link. A received
/// message's payload is checked too: its evidence holds the hash of the plaintext (migration 0045), which the stored
/// (encrypted) text no longer is, so the payload is decrypted and hashed again.</summary>
public sealed class EvidenceVerifier(
    NpgsqlDataSource dataSource, IOptions<HubOptions> options, EvidenceKeys keys, AlertStore alerts, PersonalData.PersonalDataPayloads personalData, ILogger<EvidenceVerifier> logger)
{
    public const string AlertKind = "evidence-tampered";

    private const int HeadsPerPass = 1000;

    /// <returns>The breaks found (each raised as an alert once).</returns>
    public async Task<IReadOnlyList<EvidenceBreak>> VerifyAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Evidence;
        var breaks = new List<EvidenceBreak>();
        var cursors = new Dictionary<int, long>();
        long headCursor;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken))
        {
            var retired = await RetiredRunsAsync(connection, transaction, cancellationToken);
            var chains = await ChainsAsync(connection, transaction, settings.Chains, cancellationToken);
            foreach (var (chain, (from, headSeq, head)) in chains)
            {
                var (next, broken) = await VerifyChainAsync(connection, transaction, chain, from, headSeq, head, settings.VerifyBatch, retired.GetValueOrDefault(chain), personalData, cancellationToken);
                cursors[chain] = next;
                if (broken is not null)
                {
                    breaks.Add(broken);
                }
            }

            headCursor = await VerifyHeadsAsync(connection, transaction, breaks, retired, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await SaveCursorsAsync(cursors, headCursor, cancellationToken);
        foreach (var broken in breaks)
        {
            await alerts.RaiseAsync(AlertKind, broken.Subject, broken.Problem, broken.Reference, null, cancellationToken);
        }

        if (breaks.Count == 0)
        {
            logger.LogDebug("Evidence log verified");
        }

        return breaks;
    }

    private static async Task<Dictionary<int, (long From, long HeadSeq, byte[] Head)>> ChainsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int configured, CancellationToken cancellationToken)
    {
        var chains = new Dictionary<int, (long, long, byte[])>();
        await using var command = new NpgsqlCommand(
            """
            select coalesce(c.chain, k.chain), coalesce(k.checked_seq, 0), coalesce(c.seq, 0), coalesce(c.head, '\x'::bytea)
            from hub.evidence_chains c full join hub.evidence_checks k on k.chain = c.chain
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            chains[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3));
        }

        // A chain whose row was deleted still has its links: the configured chains are always checked.
        for (var chain = 0; chain < configured; chain++)
        {
            chains.TryAdd(chain, (0, 0, EvidenceHash.Genesis));
        }

        return chains;
    }

    /// <summary>Runs of links retention removed with their archived lines (migration 0043), by chain and first seq:
    /// the chain goes on across each from its last hash.</summary>
    private static async Task<Dictionary<int, SortedList<long, (long To, byte[] Last)>>> RetiredRunsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var runs = new Dictionary<int, SortedList<long, (long, byte[])>>();
        await using var command = new NpgsqlCommand("select chain, from_seq, to_seq, last_hash from hub.evidence_retired", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var chain = reader.GetInt32(0);
            if (!runs.TryGetValue(chain, out var list))
            {
                runs[chain] = list = [];
            }

            list[reader.GetInt64(1)] = (reader.GetInt64(2), reader.GetFieldValue<byte[]>(3));
        }

        return runs;
    }

    /// <summary>The retired run that contains <paramref name="seq"/>, if any.</summary>
    private static (long From, long To, byte[] Last)? RunOf(SortedList<long, (long To, byte[] Last)>? runs, long seq)
    {
        if (runs is null)
        {
            return null;
        }

        foreach (var (from, (to, last)) in runs)
        {
            if (from > seq)
            {
                break;
            }

            if (seq <= to)
            {
                return (from, to, last);
            }
        }

        return null;
    }

    /// <summary>Steps over the retired runs that begin at <paramref name="expected"/>.</summary>
    private static (long Expected, byte[] Previous) SkipRetired(SortedList<long, (long To, byte[] Last)>? runs, long expected, byte[] previous)
    {
        while (runs is not null && runs.TryGetValue(expected, out var run))
        {
            (expected, previous) = (run.To + 1, run.Last);
        }

        return (expected, previous);
    }

    /// <returns>Where the next pass starts (0: from the chain's start) and the first broken link, if any.</returns>
    private static async Task<(long Next, EvidenceBreak? Broken)> VerifyChainAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int chain, long from, long headSeq, byte[] head, int batch,
        SortedList<long, (long To, byte[] Last)>? retired, PersonalData.PersonalDataPayloads personalData, CancellationToken cancellationToken)
    {
        byte[] previous = EvidenceHash.Genesis;
        if (from > 0 && RunOf(retired, from) is { } run)
        {
            // Where the last pass stopped was removed by retention since: go on after its run.
            (from, previous) = (run.To, run.Last);
        }
        else if (from > 0)
        {
            if (await LinkHashAsync(connection, transaction, chain, from, cancellationToken) is not { } hash)
            {
                return (from, new EvidenceBreak(chain, from, null, null, null, $"Link {from} of chain {chain} was deleted (the link table was edited)."));
            }

            previous = hash;
        }

        await using var command = new NpgsqlCommand(
            $"""
            select k.seq, k.log_id, k.message_id, k.hash, k.prev, {EvidenceLineReader.Columns},
                   m.payload_sha256 as plain_sha256, case when m.payload_sha256 is not null then m.payload::text end as checked_payload
            from hub.evidence_links k
            left join hub.message_log l on l.message_id = k.message_id and l.id = k.log_id
            {EvidenceLineReader.Joins}
            where k.chain = @chain and k.seq > @from
            order by k.seq
            limit @batch
            """, connection, transaction);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("batch", batch);
        var expected = from + 1;
        var read = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var (plainColumn, payloadColumn) = (reader.GetOrdinal("plain_sha256"), reader.GetOrdinal("checked_payload"));
            while (await reader.ReadAsync(cancellationToken))
            {
                read++;
                var (seq, logId, messageId, stored) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3));
                (expected, previous) = SkipRetired(retired, expected, previous);
                if (seq != expected)
                {
                    return (from, new EvidenceBreak(chain, expected, null, null, null,
                        $"Link {expected} of chain {chain} was deleted (the next link is {seq}, for message {messageId}, log line {logId}): the link table was edited."));
                }

                var line = EvidenceLineReader.Read(reader, 5);
                if (reader.IsDBNull(4) || !reader.GetFieldValue<byte[]>(4).AsSpan().SequenceEqual(previous))
                {
                    // The prev a bundle carries must be the hash the link was computed from.
                    return (from, new EvidenceBreak(chain, seq, messageId, logId, null,
                        $"Link {seq} of chain {chain} (message {messageId}, log line {logId}) keeps a prev that is not the hash of link {seq - 1}: the link table was edited."));
                }

                if (line is null)
                {
                    // Retention removes a line's link with it: a link whose line is gone was deleted behind the hub's back.
                    return (from, new EvidenceBreak(chain, seq, messageId, logId, null,
                        $"Log line {logId} of message {messageId} (chain {chain}, link {seq}) was deleted from hub.message_log."));
                }

                if (!EvidenceHash.Link(previous, line.Canonical()).AsSpan().SequenceEqual(stored))
                {
                    return (from, new EvidenceBreak(chain, seq, messageId, logId, null,
                        $"Log line {logId} of message {messageId} (chain {chain}, link {seq}, event '{line.Event}') no longer hashes to its link: the line (or what it names: its message, its operator action) or the stored hash was changed."));
                }
                else if (!reader.IsDBNull(plainColumn) && !PayloadMatches(personalData, reader.GetString(payloadColumn), reader.GetFieldValue<byte[]>(plainColumn)))
                {
                    return (from, new EvidenceBreak(chain, seq, messageId, logId, null,
                        $"The payload of message {messageId} (received: log line {logId}, chain {chain}, link {seq}) no longer hashes to the SHA-256 its evidence holds: the payload was changed."));
                }

                previous = stored;
                expected = seq + 1;
            }
        }

        if (read == batch)
        {
            return (expected - 1, null);
        }

        // The end of the chain: its head row must be its last link (or the last of a run retention removed).
        (expected, previous) = SkipRetired(retired, expected, previous);
        if (headSeq != expected - 1 || (headSeq > 0 && !head.AsSpan().SequenceEqual(previous)))
        {
            return (from, new EvidenceBreak(chain, expected, null, null, null,
                $"Chain {chain}'s head says link {headSeq} but its links end at {expected - 1}: links or the head were edited."));
        }

        return (0, null);
    }

    /// <summary>Whether the stored payload, decrypted, is still the plaintext hashed when it was stored. A payload under
    /// a key this hub is not given cannot be checked: it passes (the lost key is reported where the payload is used).</summary>
    private static bool PayloadMatches(PersonalData.PersonalDataPayloads personalData, string stored, byte[] expected)
    {
        string plain;
        try
        {
            plain = personalData.Unprotect(stored);
        }
        catch (PersonalDataUnreadableException e) when (e.Code == PersonalDataUnreadableException.KeyMissing)
        {
            return true;
        }
        catch (PersonalDataUnreadableException)
        {
            // A token that does not verify was changed.
            return false;
        }

        return PayloadDigest.Of(plain) is { } actual && actual.AsSpan().SequenceEqual(expected);
    }

    private async Task<long> VerifyHeadsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<EvidenceBreak> breaks,
        Dictionary<int, SortedList<long, (long To, byte[] Last)>> retired, CancellationToken cancellationToken)
    {
        long cursor;
        await using (var read = new NpgsqlCommand("select checked_id from hub.evidence_head_checks", connection, transaction))
        {
            cursor = await read.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
        }

        var heads = new List<(long Id, string Kind, DateOnly? Day, byte[] Root, string KeyId, string Statement, byte[] Signature, bool HasLeaves)>();
        await using (var command = new NpgsqlCommand(
            "select id, kind, day, root, key_id, statement, signature, leaves is not null from hub.evidence_heads where id > @from order by id limit @limit", connection, transaction))
        {
            command.Parameters.AddWithValue("from", cursor);
            command.Parameters.AddWithValue("limit", HeadsPerPass);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                heads.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<byte[]>(3),
                    reader.GetString(4), reader.GetString(5), reader.GetFieldValue<byte[]>(6), reader.GetBoolean(7)));
            }
        }

        // The heads' stored leaves are read a head at a time, up to about as many per pass as the chains' links.
        var leafBudget = (long)options.Value.Evidence.VerifyBatch * Math.Max(options.Value.Evidence.Chains, 1);
        foreach (var head in heads)
        {
            var statement = HeadStatement.Parse(head.Statement);
            var problem = statement is null ? "its statement is not a canonical head statement (its root must be the root of the chains it lists)"
                : statement.Kind != head.Kind || statement.Day != head.Day || statement.KeyId != head.KeyId || !statement.Root().AsSpan().SequenceEqual(head.Root)
                    ? "its columns (kind, day, key, root) differ from its signed statement"
                    : keys.Verify(head.KeyId, Encoding.UTF8.GetBytes(head.Statement), head.Signature);
            if (problem is null)
            {
                foreach (var chain in statement!.Chains.Where(c => c.Seq > 0))
                {
                    var hash = await LinkHashAsync(connection, transaction, chain.Chain, chain.Seq, cancellationToken);
                    if (hash is null && RunOf(retired.GetValueOrDefault(chain.Chain), chain.Seq) is { } run)
                    {
                        // Archived: the run's last hash is kept; a link inside it is in the evidence archive.
                        hash = run.To == chain.Seq ? run.Last : chain.Hash;
                    }

                    if (hash is null || !hash.AsSpan().SequenceEqual(chain.Hash))
                    {
                        problem = hash is null
                            ? $"chain {chain.Chain} no longer has link {chain.Seq}, which the head signed"
                            : $"chain {chain.Chain}'s link {chain.Seq} is not the hash the head signed: the chain was rewritten";
                        break;
                    }
                }
            }

            if (problem is null && (head.HasLeaves || statement!.LinksRoot is not null))
            {
                (problem, var checkedLeaves) = await CheckLeavesAsync(connection, transaction, head.Id, statement!, cancellationToken);
                leafBudget -= checkedLeaves;
            }

            if (problem is not null)
            {
                breaks.Add(new EvidenceBreak(null, null, null, null, head.Id, $"Signed head {head.Id} ({head.Kind}) does not verify: {problem}."));
                // Stop here: the next pass looks at it again.
                return head.Id - 1;
            }

            if (leafBudget <= 0 && head.Id != heads[^1].Id)
            {
                return head.Id;
            }
        }

        return heads.Count == HeadsPerPass ? heads[^1].Id : 0;
    }

    /// <summary>A v2 head's stored leaves must hash to its signed links_root, and each link of its ranges still in
    /// hub.evidence_links must be the leaf stored at its place (retention removes links, never changes them).</summary>
    /// <returns>The problem (null: none) and how many leaves were checked.</returns>
    private static async Task<(string? Problem, long Leaves)> CheckLeavesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long headId, HeadStatement statement, CancellationToken cancellationToken)
    {
        byte[]? stored;
        await using (var read = new NpgsqlCommand("select leaves from hub.evidence_heads where id = @id", connection, transaction))
        {
            read.Parameters.AddWithValue("id", headId);
            stored = await read.ExecuteScalarAsync(cancellationToken) as byte[];
        }

        if (statement.LinksRoot is null || stored is null)
        {
            return ("its statement and its stored leaves disagree on whether it covers links (a version 1 statement with leaves, or leaves removed)", 0);
        }

        var leaves = stored.Chunk(32).ToList();
        if (stored.Length != statement.TreeSize * 32 || !MerkleTree.Root(leaves).AsSpan().SequenceEqual(statement.LinksRoot))
        {
            return ($"its stored leaves ({stored.Length / 32} of the {statement.TreeSize} it signs) do not hash to its signed links_root: hub.evidence_heads.leaves was changed", leaves.Count);
        }

        var ranges = statement.Chains.Where(c => c.From < c.Seq).ToList();
        await using var command = new NpgsqlCommand(
            """
            select k.chain, k.seq, k.hash from unnest(@chains, @froms, @tos) as r(chain, from_seq, to_seq)
            join hub.evidence_links k on k.chain = r.chain and k.seq > r.from_seq and k.seq <= r.to_seq
            order by k.chain, k.seq
            """, connection, transaction);
        command.Parameters.AddWithValue("chains", ranges.Select(c => c.Chain).ToArray());
        command.Parameters.AddWithValue("froms", ranges.Select(c => c.From!.Value).ToArray());
        command.Parameters.AddWithValue("tos", ranges.Select(c => c.Seq).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (chain, seq) = (reader.GetInt32(0), reader.GetInt64(1));
            var index = (int)statement.LeafIndex(chain, seq)!.Value;
            if (!MerkleTree.Leaf(chain, seq, reader.GetFieldValue<byte[]>(2)).AsSpan().SequenceEqual(leaves[index]))
            {
                return ($"chain {chain}'s link {seq} is not the link whose leaf it stored (leaf {index}): the link's hash was changed", leaves.Count);
            }
        }

        return (null, leaves.Count);
    }

    private static async Task<byte[]?> LinkHashAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int chain, long seq, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select hash from hub.evidence_links where chain = @chain and seq = @seq", connection, transaction);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("seq", seq);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    private async Task SaveCursorsAsync(Dictionary<int, long> cursors, long headCursor, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into hub.evidence_checks as k (chain, checked_seq) select * from unnest(@chains, @seqs)
            on conflict (chain) do update set checked_seq = excluded.checked_seq;
            insert into hub.evidence_head_checks as h (checked_id) values (@head)
            on conflict (singleton) do update set checked_id = excluded.checked_id;
            """);
        command.Parameters.AddWithValue("chains", cursors.Keys.ToArray());
        command.Parameters.AddWithValue("seqs", cursors.Values.ToArray());
        command.Parameters.AddWithValue("head", headCursor);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
