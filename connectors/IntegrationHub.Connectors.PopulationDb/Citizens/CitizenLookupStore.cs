using System.Runtime.CompilerServices;
using IntegrationHub.Contracts.Privacy;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>The audit of population-database lookups and of reveals of their personal ids (append-only tables, see
/// migration 0008). Reads for admins return the id masked; only <see cref="RevealAsync"/> returns it whole, and it
/// records the reveal in the same transaction. The id is stored encrypted (<see cref="IPersonalDataCipher"/>: a token,
/// its key id and a keyed blind index to find it by, see migration 0041), never in clear.</summary>
/// <remarks>SQL in a connector package, against the hub's own database (the engine's <see cref="NpgsqlDataSource"/>
/// from DI): the audit must be written before a lookup's answer is used and a reveal recorded in the same transaction
/// as the id it gives, which a generic store could not promise. The tables stay with the engine's migrations.</remarks>
public sealed class CitizenLookupStore(NpgsqlDataSource dataSource, IPersonalDataCipher cipher)
{
    public async Task<long> AddAsync(CitizenLookupEntry entry, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into hub.citizen_lookups (requested_at, requested_by, flow_id, message_id, dossier, personal_id_token, personal_id_key,
                personal_id_index, personal_id_masked, declared_hash, outcome, differing_fields, failure_code, duration_ms, result)
            values (@at, @by, @flow, @message, @dossier, @token, @key, @index, @masked, @hash, @outcome, @fields, @code, @duration, @result::jsonb)
            returning id
            """);
        command.Parameters.AddWithValue("at", entry.RequestedAt);
        command.Parameters.AddWithValue("by", entry.RequestedBy);
        command.Parameters.Add(new NpgsqlParameter("flow", NpgsqlDbType.Text) { Value = (object?)entry.FlowId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("message", NpgsqlDbType.Bigint) { Value = (object?)entry.MessageId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("dossier", NpgsqlDbType.Text) { Value = (object?)entry.Dossier ?? DBNull.Value });
        var token = cipher.Protect(entry.PersonalId.Trim());
        command.Parameters.AddWithValue("token", token);
        command.Parameters.AddWithValue("key", cipher.KeyIdOf(token)!);
        command.Parameters.AddWithValue("index", cipher.BlindIndex(entry.PersonalId));
        command.Parameters.AddWithValue("masked", PersonalIdMask.Mask(entry.PersonalId));
        command.Parameters.AddWithValue("hash", entry.DeclaredHash);
        command.Parameters.AddWithValue("outcome", entry.Outcome);
        command.Parameters.AddWithValue("fields", entry.DifferingFields.ToArray());
        command.Parameters.Add(new NpgsqlParameter("code", NpgsqlDbType.Text) { Value = (object?)entry.FailureCode ?? DBNull.Value });
        command.Parameters.AddWithValue("duration", entry.DurationMs);
        command.Parameters.Add(new NpgsqlParameter("result", NpgsqlDbType.Text) { Value = (object?)entry.Result ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <returns>The dossier's latest completed (not failed) lookup; null when none.</returns>
    public async Task<VerifiedLookup?> LatestVerifiedAsync(string dossier, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select id, message_id, declared_hash, result::text from hub.citizen_lookups
            where dossier = @dossier and outcome <> 'failed'
            order by id desc limit 1
            """);
        command.Parameters.AddWithValue("dossier", dossier);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new VerifiedLookup(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), reader.GetString(3))
            : null;
    }

    /// <param name="dossier">Only this dossier's lookups when given.</param>
    /// <param name="personalId">Only the lookups of this personal id when given (found through the blind index).</param>
    public async Task<IReadOnlyList<CitizenLookup>> RecentAsync(string? dossier, int limit, CancellationToken cancellationToken, string? personalId = null) =>
        await StreamAsync(dossier, limit, cancellationToken, personalId).ToListAsync(cancellationToken);

    /// <summary>The lookups, newest first, read as the caller takes them (an export); ids masked.</summary>
    /// <param name="dossier">Only this dossier's lookups when given.</param>
    /// <param name="limit">At most this many; null: all.</param>
    /// <param name="personalId">Only the lookups of this personal id when given (found through the blind index).</param>
    public async IAsyncEnumerable<CitizenLookup> StreamAsync(
        string? dossier, int? limit, [EnumeratorCancellation] CancellationToken cancellationToken, string? personalId = null)
    {
        await using var command = dataSource.CreateCommand("""
            select l.id, l.requested_at, l.requested_by, l.flow_id, l.message_id, l.dossier, l.personal_id_masked, l.outcome,
                   l.differing_fields, l.failure_code, l.duration_ms,
                   (select count(*)::int from hub.citizen_lookup_reveals r where r.lookup_id = l.id)
            from hub.citizen_lookups l
            where (@dossier::text is null or l.dossier = @dossier)
              and (@index::text is null or l.personal_id_index = @index
                   -- A row stored in clear before the upgrade, until the hub's job has encrypted it (partial index of those).
                   or (l.personal_id is not null and l.personal_id = @clear))
            order by l.id desc limit @limit
            """);
        command.Parameters.Add(new NpgsqlParameter("clear", NpgsqlDbType.Text) { Value = personalId is null ? DBNull.Value : personalId.Trim() });
        command.Parameters.Add(new NpgsqlParameter("dossier", NpgsqlDbType.Text) { Value = (object?)dossier ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("index", NpgsqlDbType.Text) { Value = personalId is null ? DBNull.Value : cipher.BlindIndex(personalId) });
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = (object?)limit ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new CitizenLookup(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetFieldValue<string[]>(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetInt32(10),
                reader.GetInt32(11));
        }
    }

    /// <summary>Every reveal, newest first, with its lookup's dossier and masked id, read as the caller takes them (an export).</summary>
    /// <param name="dossier">Only reveals of this dossier's lookups when given.</param>
    public async IAsyncEnumerable<CitizenRevealAudit> StreamRevealsAsync(string? dossier, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select r.id, r.lookup_id, r.revealed_at, r.revealed_by, r.reason, l.dossier, l.personal_id_masked
            from hub.citizen_lookup_reveals r join hub.citizen_lookups l on l.id = r.lookup_id
            where @dossier::text is null or l.dossier = @dossier
            order by r.id desc
            """);
        command.Parameters.Add(new NpgsqlParameter("dossier", NpgsqlDbType.Text) { Value = (object?)dossier ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new CitizenRevealAudit(
                new CitizenLookupReveal(reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6));
        }
    }

    /// <summary>Records the reveal and returns the full personal id, in one transaction: no id leaves without its audit row.</summary>
    /// <returns>Null when there is no such lookup (nothing is recorded then).</returns>
    /// <exception cref="PersonalDataUnreadableException">The id's key is missing or its token damaged (nothing is recorded then).</exception>
    public async Task<string?> RevealAsync(long lookupId, string revealedBy, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string personalId;
        await using (var find = new NpgsqlCommand("select coalesce(personal_id_token, personal_id) from hub.citizen_lookups where id = @id", connection, transaction))
        {
            find.Parameters.AddWithValue("id", lookupId);
            if (await find.ExecuteScalarAsync(cancellationToken) is not string found)
            {
                return null;
            }

            // A row the clear-rows job (PersonalDataClearRowsJob) has not reached yet is read as it is.
            personalId = cipher.KeyIdOf(found) is null ? found : cipher.Unprotect(found);
        }

        await using (var record = new NpgsqlCommand(
            "insert into hub.citizen_lookup_reveals (lookup_id, revealed_at, revealed_by, reason) values (@id, @at, @by, @reason)", connection, transaction))
        {
            record.Parameters.AddWithValue("id", lookupId);
            record.Parameters.AddWithValue("at", now);
            record.Parameters.AddWithValue("by", revealedBy);
            record.Parameters.AddWithValue("reason", reason);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return personalId;
    }

    public async Task<IReadOnlyList<CitizenLookupReveal>> RevealsAsync(long lookupId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, lookup_id, revealed_at, revealed_by, reason from hub.citizen_lookup_reveals where lookup_id = @id order by id");
        command.Parameters.AddWithValue("id", lookupId);
        var reveals = new List<CitizenLookupReveal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reveals.Add(new CitizenLookupReveal(reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4)));
        }

        return reveals;
    }
}
