using System.Text;
using Npgsql;

namespace IntegrationHub.Host.Evidence;

/// <summary>Signs the chains' heads: their Merkle root, in a canonical statement, with the hub's key; stored in
/// hub.evidence_heads (and the public key in hub.evidence_keys).</summary>
public sealed class EvidenceHeadSigner(NpgsqlDataSource dataSource, EvidenceKeys keys, TimeProvider timeProvider)
{
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

        var now = timeProvider.GetUtcNow();
        var statement = new HeadStatement(day is null ? "interval" : "day", day, now, keys.KeyId!, chains);
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
            insert into hub.evidence_heads (kind, day, signed_at, root, key_id, statement, signature)
            values (@kind, @day, @now, @root, @key_id, @statement, @signature)
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
        var id = await write.ExecuteScalarAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id is long value ? value : null;
    }

    /// <summary>Whether the local day <paramref name="day"/> has its head.</summary>
    public async Task<bool> HasDayHeadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from hub.evidence_heads where kind = 'day' and day = @day)");
        command.Parameters.AddWithValue("day", day);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
