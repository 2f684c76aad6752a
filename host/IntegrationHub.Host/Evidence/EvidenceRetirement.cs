using System.Runtime.CompilerServices;
using Npgsql;

namespace IntegrationHub.Host.Evidence;

/// <summary>Retention's part in the evidence log (issue 15 item 6): before a month's history is removed its links and
/// canonical events are written to the evidence archive; in the removing transaction the links of the removed lines
/// are deleted and each run of consecutive seqs removed is kept in hub.evidence_retired with its last hash.</summary>
public sealed class EvidenceRetirement(NpgsqlDataSource dataSource, EvidenceArchive archive, EvidenceHeadSigner? signer = null)
{
    /// <summary>Writes the links of the log lines of messages <paramref name="fromId"/> to <paramref name="toId"/>
    /// (exclusive) that are still in the log, as <paramref name="name"/> of the evidence archive.</summary>
    public async Task<int> WriteAsync(string name, long fromId, long toId, CancellationToken cancellationToken)
    {
        // A head is signed first, so every link about to leave the table has its leaf in a stored head (a link removed
        // before a head covered it could never be proved).
        if (signer is { CanSign: true })
        {
            await signer.SignAsync(null, cancellationToken);
        }

        return await archive.WriteAsync(name, ReadAsync(fromId, toId, cancellationToken), cancellationToken);
    }

    /// <summary>In the transaction that removed the lines: deletes the links of messages <paramref name="fromId"/> to
    /// <paramref name="toId"/> (exclusive) whose lines are gone and records the runs they leave.</summary>
    public static async Task<int> PruneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long fromId, long toId, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            with gone as (
                delete from hub.evidence_links k
                where k.message_id >= @from and k.message_id < @to
                  and not exists (select 1 from hub.message_log l where l.message_id = k.message_id and l.id = k.log_id)
                returning k.chain, k.seq, k.hash)
            insert into hub.evidence_retired (chain, from_seq, to_seq, last_hash, archive)
            select chain, min(seq), max(seq), (array_agg(hash order by seq desc))[1], @archive
            from (select chain, seq, hash, seq - row_number() over (partition by chain order by seq) as run from gone) g
            group by chain, run
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("from", fromId);
        command.Parameters.AddWithValue("to", toId);
        command.Parameters.AddWithValue("archive", name);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async IAsyncEnumerable<ArchivedLink> ReadAsync(long fromId, long toId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select k.chain, k.seq, k.hash, b.business_key, k.prev, {EvidenceLineReader.Columns}
            from hub.evidence_links k
            join hub.message_log l on l.message_id = k.message_id and l.id = k.log_id
            {EvidenceLineReader.Joins}
            left join hub.messages b on b.id = k.message_id
            where k.message_id >= @from and k.message_id < @to
            order by k.chain, k.seq
            """);
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("from", fromId);
        command.Parameters.AddWithValue("to", toId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var line = EvidenceLineReader.Read(reader, 5)!;
            yield return new ArchivedLink(reader.GetInt32(0), reader.GetInt64(1), line.LogId, line.MessageId, reader.IsDBNull(3) ? null : reader.GetString(3),
                line.At, reader.GetFieldValue<byte[]>(2), System.Text.Encoding.UTF8.GetString(line.Canonical()), reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4));
        }
    }
}
