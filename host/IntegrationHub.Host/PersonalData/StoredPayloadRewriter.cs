using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Evidence;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Host.PersonalData;

/// <summary>Rotation of the stored payloads: every token under a key other than the current one, in
/// <c>hub.messages</c> and <c>hub.inbox</c> payloads, is made again under the current key, in batches of
/// <see cref="PersonalDataOptions.RewriteBatchSize"/> rows, one transaction each. The plaintext stays the same, and so
/// does the evidence: a message's "received" event holds the plaintext's hash (migration 0045), and a message stored
/// before it, whose event hashed the stored text, has that hash kept in <c>stored_payload_sha256</c> first (with its
/// plaintext's hash taken then, so its payload is checked from then on). A row with a token whose key is missing or
/// which is damaged is left as it is and counted; the others go on.</summary>
public sealed class StoredPayloadRewriter(NpgsqlDataSource dataSource, PersonalDataPayloads payloads, IPersonalDataCipher cipher, PersonalDataOptions options)
{
    /// <summary>Re-encrypts both tables' payloads.</summary>
    /// <param name="unreadable">Gets the rows left as they were, by <c>code:key</c>.</param>
    /// <param name="progress">Told the rows rewritten so far after each batch's commit.</param>
    /// <returns>Rows rewritten.</returns>
    public async Task<int> ReencryptAsync(IDictionary<string, int> unreadable, CancellationToken cancellationToken, Action<int>? progress = null)
    {
        var messages = await RewriteAsync(
            "select id, payload::text, payload_sha256 is null from hub.messages where id > @after and payload::text ~ @pattern order by id limit @batch for update",
            """
            update hub.messages m
            set payload = u.payload::jsonb,
                -- A message stored before 0045: its evidence hashed the text stored until now.
                stored_payload_sha256 = case when m.payload_sha256 is null then coalesce(m.stored_payload_sha256, sha256(convert_to(m.payload::text, 'UTF8')))
                                             else m.stored_payload_sha256 end,
                payload_sha256 = coalesce(m.payload_sha256, u.digest)
            from unnest(@ids, @payloads, @digests) as u(id, payload, digest)
            where m.id = u.id
            """,
            unreadable, cancellationToken, progress: progress);
        var inbox = await RewriteAsync(
            "select id, payload, false from hub.inbox where id > @after and payload ~ @pattern order by id limit @batch for update",
            "update hub.inbox b set payload = u.payload from unnest(@ids, @payloads, @digests) as u(id, payload, digest) where b.id = u.id",
            unreadable, cancellationToken, progress: done => progress?.Invoke(messages + done));
        return messages + inbox;
    }

    /// <summary>Rows left by a hub from before payload encryption (0041) or the plaintext hash (0045): see
    /// <see cref="ProtectStoredBeforeAsync"/>.</summary>
    public async Task<long> StoredBeforeCountAsync(CancellationToken cancellationToken)
    {
        // Through the partial indexes of migration 0046: nothing to read once done.
        await using var command = dataSource.CreateCommand("""
            select (select count(*) from hub.messages where payload_sha256 is null and stored_payload_sha256 is null)
                 + (select count(*) from hub.inbox where payload_canonical_sha256 is null)
            """);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Encrypts the personal ids of payloads a hub stored in clear before migration 0041, and gives every
    /// payload stored before 0045 its plaintext hash, in batches, once: a message then keeps the hash its evidence
    /// holds (of the text stored until now) in <c>stored_payload_sha256</c>, which also marks it done; an inbox row is
    /// done once it has <c>payload_canonical_sha256</c>. Tokens already there stay as they are.</summary>
    /// <param name="unreadable">Gets the rows left as they were, by <c>code:key</c>.</param>
    /// <returns>Rows rewritten.</returns>
    public async Task<int> ProtectStoredBeforeAsync(IDictionary<string, int> unreadable, Action<int>? progress, CancellationToken cancellationToken)
    {
        var messages = await RewriteAsync(
            """
            select id, payload::text, true from hub.messages where id > @after and payload_sha256 is null and stored_payload_sha256 is null order by id limit @batch for update
            """,
            """
            update hub.messages m
            set payload = u.payload::jsonb, stored_payload_sha256 = sha256(convert_to(m.payload::text, 'UTF8')), payload_sha256 = u.digest
            from unnest(@ids, @payloads, @digests) as u(id, payload, digest)
            where m.id = u.id
            """,
            unreadable, cancellationToken, payloads.Protect, progress);
        var inbox = await RewriteAsync(
            "select id, payload, true from hub.inbox where id > @after and payload_canonical_sha256 is null order by id limit @batch for update",
            "update hub.inbox b set payload = u.payload, payload_canonical_sha256 = u.digest from unnest(@ids, @payloads, @digests) as u(id, payload, digest) where b.id = u.id",
            unreadable, cancellationToken, payloads.Protect, done => progress?.Invoke(messages + done));
        return messages + inbox;
    }

    private async Task<int> RewriteAsync(
        string pickSql, string updateSql, IDictionary<string, int> unreadable, CancellationToken cancellationToken, Func<string, string>? rewrite = null, Action<int>? progress = null)
    {
        rewrite ??= payloads.Reencrypt;
        // A token under any key but the current one (key ids are letters, digits, '-' and '_': nothing to escape).
        var pattern = $"⟦pd1\\.(?!{cipher.CurrentKeyId}\\.)";
        var rewritten = 0;
        long after = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = new List<(long Id, string Payload, bool Legacy)>();
            await using (var pick = new NpgsqlCommand(pickSql, connection, transaction))
            {
                pick.Parameters.AddWithValue("after", after);
                if (pickSql.Contains("@pattern", StringComparison.Ordinal))
                {
                    pick.Parameters.AddWithValue("pattern", pattern);
                }

                pick.Parameters.AddWithValue("batch", options.RewriteBatchSize);
                await using var reader = await pick.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetBoolean(2)));
                }
            }

            if (rows.Count == 0)
            {
                return rewritten;
            }

            after = rows[^1].Id;
            var (ids, texts, digests) = (new List<long>(), new List<string>(), new List<byte[]?>());
            foreach (var (id, payload, legacy) in rows)
            {
                string text;
                byte[]? digest;
                try
                {
                    text = rewrite(payload);
                    digest = legacy ? PayloadDigest.Of(payloads.Unprotect(payload)) : null;
                }
                catch (PersonalDataUnreadableException e)
                {
                    var why = $"{e.Code}:{e.KeyId}";
                    unreadable[why] = unreadable.TryGetValue(why, out var count) ? count + 1 : 1;
                    continue;
                }

                ids.Add(id);
                texts.Add(text);
                digests.Add(digest);
            }

            await using (var update = new NpgsqlCommand(updateSql, connection, transaction))
            {
                update.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids.ToArray() });
                update.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts.ToArray() });
                update.Parameters.Add(new NpgsqlParameter("digests", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = digests.ToArray() });
                rewritten += await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            progress?.Invoke(rewritten);
        }
    }
}
