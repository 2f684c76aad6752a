using System.Text;
using Npgsql;

namespace IntegrationHub.Host.Evidence;

/// <summary>Signs the chains' heads: their Merkle root and the Merkle root of the links linked since the head before
/// (statement v2), in a canonical statement, with the hub's key; stored in hub.evidence_heads with those links' leaf
/// hashes (and the public key in hub.evidence_keys).</summary>
public sealed class EvidenceHeadSigner(NpgsqlDataSource dataSource, EvidenceKeys keys, TimeProvider timeProvider, ILogger<EvidenceHeadSigner> logger)
{
    /// <summary>Whether a key is configured (the evidence log is on).</summary>
    public bool CanSign => keys.KeyId is not null;

    /// <summary>Signs the heads as they are now.</summary>
    /// <param name="day">The local day a "day" head closes; null for an interval head.</param>
    /// <returns>The head's id; null when the day already has its head (another host signed it).</returns>
    public async Task<long?> SignAsync(DateOnly? day, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", EvidenceSequencer.LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var chains = new List<ChainHead>();
        await using (var read = new NpgsqlCommand("select chain, seq, head from hub.evidence_chains order by chain", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                chains.Add(new ChainHead(reader.GetInt32(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2)));
            }
        }

        var (covered, leaves) = await IntervalAsync(connection, transaction, chains, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var statement = new HeadStatement(day is null ? "interval" : "day", day, now, keys.KeyId!, covered, MerkleTree.Root(leaves));
        var text = statement.Text();
        await using (var key = new NpgsqlCommand(
            "insert into hub.evidence_keys (key_id, public_key, first_used_at) values (@key_id, @public_key, @now) on conflict (key_id) do nothing",
            connection, transaction))
        {
            key.Parameters.AddWithValue("key_id", keys.KeyId!);
            key.Parameters.AddWithValue("public_key", keys.PublicKeyPem!);
            key.Parameters.AddWithValue("now", now);
            await key.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var write = new NpgsqlCommand(
            """
            insert into hub.evidence_heads (kind, day, signed_at, root, key_id, statement, signature, leaves)
            values (@kind, @day, @now, @root, @key_id, @statement, @signature, @leaves)
            on conflict (day) where kind = 'day' do nothing
            returning id;
            """, connection, transaction);
        write.Parameters.AddWithValue("key_id", keys.KeyId!);
        write.Parameters.AddWithValue("now", now);
        write.Parameters.AddWithValue("kind", statement.Kind);
        write.Parameters.Add(new NpgsqlParameter<DateOnly?>("day", NpgsqlTypes.NpgsqlDbType.Date) { TypedValue = day });
        write.Parameters.AddWithValue("root", statement.Root());
        write.Parameters.AddWithValue("statement", text);
        write.Parameters.AddWithValue("signature", keys.Sign(Encoding.UTF8.GetBytes(text)));
        write.Parameters.AddWithValue("leaves", leaves.SelectMany(l => l).ToArray());
        var id = await write.ExecuteScalarAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id is long value ? value : null;
    }

    /// <summary>Each chain's range since the last v2 head (0 when none) and the leaves of its links, in (chain, seq)
    /// order. A chain whose range has a gap (links removed before any head covered them: retention before migration
    /// 0044, or a delete the verification reports) starts after the gap, so the leaves are always seqs from+1..seq.</summary>
    private async Task<(List<ChainHead> Chains, List<byte[]> Leaves)> IntervalAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<ChainHead> chains, CancellationToken cancellationToken)
    {
        var previous = new Dictionary<int, long>();
        await using (var read = new NpgsqlCommand("select statement from hub.evidence_heads where leaves is not null order by id desc limit 1", connection, transaction))
        {
            if (await read.ExecuteScalarAsync(cancellationToken) is string text && HeadStatement.Parse(text) is { } last)
            {
                previous = last.Chains.ToDictionary(c => c.Chain, c => c.Seq);
            }
        }

        var froms = chains.Select(c => Math.Min(previous.GetValueOrDefault(c.Chain), c.Seq)).ToArray();
        var links = chains.ToDictionary(c => c.Chain, _ => new List<(long Seq, byte[] Hash)>());
        await using (var read = new NpgsqlCommand(
            """
            select k.chain, k.seq, k.hash from unnest(@chains, @froms, @tos) as r(chain, from_seq, to_seq)
            join hub.evidence_links k on k.chain = r.chain and k.seq > r.from_seq and k.seq <= r.to_seq
            order by k.chain, k.seq
            """, connection, transaction))
        {
            read.Parameters.AddWithValue("chains", chains.Select(c => c.Chain).ToArray());
            read.Parameters.AddWithValue("froms", froms);
            read.Parameters.AddWithValue("tos", chains.Select(c => c.Seq).ToArray());
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                links[reader.GetInt32(0)].Add((reader.GetInt64(1), reader.GetFieldValue<byte[]>(2)));
            }
        }

        var covered = new List<ChainHead>();
        var leaves = new List<byte[]>();
        for (var i = 0; i < chains.Count; i++)
        {
            var (chain, from) = (chains[i], froms[i]);
            var present = links[chain.Chain];
            // The last run of consecutive seqs that ends at the chain's head.
            var start = present.Count;
            while (start > 0 && present[start - 1].Seq == chain.Seq - (present.Count - start))
            {
                start--;
            }

            var first = chain.Seq - (present.Count - start) + 1;
            if (first != from + 1)
            {
                logger.LogWarning("Evidence chain {Chain}: links {From} to {To} are missing; the head covers links from {First}", chain.Chain, from + 1, first - 1, first);
            }

            covered.Add(chain with { From = first - 1 });
            leaves.AddRange(present.Skip(start).Select(l => MerkleTree.Leaf(chain.Chain, l.Seq, l.Hash)));
        }

        return (covered, leaves);
    }

    /// <summary>Whether the local day <paramref name="day"/> has its head.</summary>
    public async Task<bool> HasDayHeadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from hub.evidence_heads where kind = 'day' and day = @day)");
        command.Parameters.AddWithValue("day", day);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
