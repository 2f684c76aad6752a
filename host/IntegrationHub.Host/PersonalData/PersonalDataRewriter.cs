using IntegrationHub.Contracts.Privacy;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Host.PersonalData;

/// <summary>Brings the stored personal ids of the lookup audit (<c>hub.citizen_lookups</c>) under the current key: rows
/// still in clear (stored before migration 0041) are encrypted and indexed once the hub is up
/// (<see cref="PersonalDataClearRowsJob"/>); rows under an older key are
/// re-encrypted by <see cref="ReencryptAsync"/> (rotation, run by <see cref="PersonalDataReencryptJob"/>). In batches, one transaction each, asking the audit's
/// append-only trigger for the one update it allows (only the encrypted id's columns, see migration 0041). A row whose
/// key is missing is left as it is and counted; the others go on.</summary>
public sealed class PersonalDataRewriter(
    NpgsqlDataSource dataSource, IPersonalDataCipher cipher, StoredPayloadRewriter payloads, PersonalDataOptions options, TimeProvider timeProvider,
    ILogger<PersonalDataRewriter> logger)
{
    public const string Action = "personal-data-reencrypt";

    /// <summary>Encrypts the rows still in clear (a hub upgraded past migration 0041); nothing to do on every later start.</summary>
    /// <param name="progress">Told the rows encrypted so far after each batch's commit.</param>
    public async Task<PersonalDataRewrite> EncryptClearRowsAsync(CancellationToken cancellationToken, Action<int>? progress = null)
    {
        var rewrite = await RewriteAsync(clearOnly: true, cancellationToken, progress);
        if (rewrite.Rewritten > 0)
        {
            logger.LogInformation("Encrypted the personal ids of {Rows} citizen lookup(s) stored in clear, under key {KeyId}", rewrite.Rewritten, rewrite.CurrentKey);
        }

        return rewrite;
    }

    /// <summary>Re-encrypts every stored personal id not under the current key (and any still in clear), the lookup
    /// audit's and the stored payloads' (<see cref="StoredPayloadRewriter"/>), then records it as an operator action
    /// (who, why, how many, and the job that did it).</summary>
    /// <param name="jobId">The <see cref="PersonalDataReencryptJob"/> doing it: its outcome is found by it.</param>
    /// <param name="progress">Told the rows (lookups, then payloads) rewritten so far after each batch's commit.</param>
    public async Task<(PersonalDataRewrite Rewrite, long ActionId)> ReencryptAsync(
        string operatorName, string reason, string? jobId, CancellationToken cancellationToken, Action<int>? progress = null)
    {
        var lookups = await RewriteAsync(clearOnly: false, cancellationToken, progress);
        var unreadable = new Dictionary<string, int>(lookups.Unreadable, StringComparer.Ordinal);
        var rewritten = await payloads.ReencryptAsync(unreadable, cancellationToken, done => progress?.Invoke(lookups.Rewritten + done));
        var rewrite = lookups with { Payloads = rewritten, Unreadable = unreadable };
        await using var command = dataSource.CreateCommand("""
            insert into hub.operator_actions (action, operator, reason, selection, message_count, at)
            values (@action, @operator, @reason, @selection::jsonb, @count, @at) returning id
            """);
        command.Parameters.AddWithValue("action", Action);
        command.Parameters.AddWithValue("operator", operatorName);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("selection", System.Text.Json.JsonSerializer.Serialize(new
        {
            toKey = rewrite.CurrentKey, unreadable = rewrite.Unreadable, jobId, rewritten = rewrite.Rewritten, payloads = rewrite.Payloads,
        }));
        command.Parameters.AddWithValue("count", rewrite.Rewritten + rewrite.Payloads);
        command.Parameters.AddWithValue("at", timeProvider.GetUtcNow());
        var actionId = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        logger.LogInformation("Re-encrypted {Rows} personal id(s) and {Payloads} payload(s) under key {KeyId} for {Operator} ({Unreadable} unreadable left as they were)",
            rewrite.Rewritten, rewrite.Payloads, rewrite.CurrentKey, operatorName, rewrite.Unreadable.Values.Sum());
        return (rewrite, actionId);
    }

    private async Task<PersonalDataRewrite> RewriteAsync(bool clearOnly, CancellationToken cancellationToken, Action<int>? progress = null)
    {
        var current = cipher.CurrentKeyId;
        var unreadable = new Dictionary<string, int>(StringComparer.Ordinal);
        var rewritten = 0;
        long after = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var allow = new NpgsqlCommand("set local hub.personal_data_rewrite = 'on'", connection, transaction))
            {
                await allow.ExecuteNonQueryAsync(cancellationToken);
            }

            var rows = new List<(long Id, string? Clear, string? Token)>();
            await using (var pick = new NpgsqlCommand($"""
                select id, personal_id, personal_id_token from hub.citizen_lookups
                where id > @after and (personal_id is not null {(clearOnly ? "" : "or personal_id_key <> @current")})
                order by id limit @batch for update
                """, connection, transaction))
            {
                pick.Parameters.AddWithValue("after", after);
                pick.Parameters.AddWithValue("current", current);
                pick.Parameters.AddWithValue("batch", options.RewriteBatchSize);
                await using var reader = await pick.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                }
            }

            if (rows.Count == 0)
            {
                return new PersonalDataRewrite(current, rewritten, unreadable);
            }

            after = rows[^1].Id;
            var ids = new List<long>();
            var tokens = new List<string>();
            var indexes = new List<string>();
            foreach (var (id, clear, token) in rows)
            {
                string value;
                try
                {
                    value = clear ?? cipher.Unprotect(token!);
                }
                catch (PersonalDataUnreadableException e)
                {
                    var why = $"{e.Code}:{e.KeyId}";
                    unreadable[why] = unreadable.GetValueOrDefault(why) + 1;
                    continue;
                }

                ids.Add(id);
                tokens.Add(cipher.Protect(value));
                indexes.Add(cipher.BlindIndex(value));
            }

            await using (var update = new NpgsqlCommand("""
                update hub.citizen_lookups l
                set personal_id = null, personal_id_token = u.token, personal_id_key = @current,
                    personal_id_index = coalesce(l.personal_id_index, u.index)
                from unnest(@ids, @tokens, @indexes) as u(id, token, index)
                where l.id = u.id
                """, connection, transaction))
            {
                update.Parameters.AddWithValue("current", current);
                update.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids.ToArray() });
                update.Parameters.Add(new NpgsqlParameter("tokens", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tokens.ToArray() });
                update.Parameters.Add(new NpgsqlParameter("indexes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = indexes.ToArray() });
                rewritten += await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            progress?.Invoke(rewritten);
        }
    }
}
