using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Evidence;

/// <summary>Links queued message-log lines into the chains, in log-id order, a batch per transaction. One sequencer
/// at a time across hosts (an advisory lock); writers never wait for it: they only add to hub.evidence_queue.</summary>
public sealed class EvidenceSequencer(NpgsqlDataSource dataSource, IOptions<HubOptions> options, TimeProvider timeProvider, ILogger<EvidenceSequencer> logger)
{
    /// <summary>Taken by the sequencer and by head signing, so a head never sees a chain half-way through a batch.</summary>
    public const long LockKey = 7_264_118_402_553_901_215;

    /// <summary>Links everything queued when it is called (waiting for a sequencer running elsewhere to finish).</summary>
    /// <returns>How many lines were linked.</returns>
    public async Task<int> LinkAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Evidence;
        var total = 0;
        while (true)
        {
            var linked = await LinkBatchAsync(settings, cancellationToken);
            total += linked;
            if (linked < settings.LinkBatch)
            {
                return total;
            }
        }
    }

    private async Task<int> LinkBatchAsync(EvidenceOptions settings, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var heads = new Dictionary<int, (long Seq, byte[] Hash)>();
        await using (var read = new NpgsqlCommand("select chain, seq, head from hub.evidence_chains", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                heads[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
            }
        }

        var queued = new List<long>();
        var lines = new List<EvidenceLine>();
        await using (var read = new NpgsqlCommand(
            $"""
            select q.log_id, {EvidenceLineReader.Columns}
            from (select log_id, message_id from hub.evidence_queue order by log_id limit @batch) q
            left join hub.message_log l on l.message_id = q.message_id and l.id = q.log_id
            {EvidenceLineReader.Joins}
            order by q.log_id
            """, connection, transaction))
        {
            read.Parameters.AddWithValue("batch", settings.LinkBatch);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                queued.Add(reader.GetInt64(0));
                if (EvidenceLineReader.Read(reader, 1) is { } line)
                {
                    lines.Add(line);
                }
            }
        }

        if (queued.Count == 0)
        {
            return 0;
        }

        if (queued.Count > lines.Count)
        {
            // Removed between its commit and now (a history partition dropped): nothing left to link.
            logger.LogWarning("{Count} queued message-log line(s) were gone before they could be linked into the evidence log", queued.Count - lines.Count);
        }

        var chains = new int[lines.Count];
        var seqs = new long[lines.Count];
        var hashes = new byte[lines.Count][];
        var previous = new byte[lines.Count][];
        for (var i = 0; i < lines.Count; i++)
        {
            var chain = EvidenceHash.ChainOf(lines[i].MessageId, settings.Chains);
            var (seq, head) = heads.GetValueOrDefault(chain, (0L, EvidenceHash.Genesis));
            var hash = EvidenceHash.Link(head, lines[i].Canonical());
            heads[chain] = (seq + 1, hash);
            (chains[i], seqs[i], hashes[i], previous[i]) = (chain, seq + 1, hash, head);
        }

        await using (var write = new NpgsqlCommand(
            """
            insert into hub.evidence_links (chain, seq, log_id, message_id, hash, prev, linked_at)
            select * , @now from unnest(@chains, @seqs, @logs, @messages, @hashes, @previous);
            insert into hub.evidence_chains as c (chain, seq, head, updated_at)
            select chain, seq, head, @now from unnest(@head_chains, @head_seqs, @head_hashes) as t(chain, seq, head)
            on conflict (chain) do update set seq = excluded.seq, head = excluded.head, updated_at = excluded.updated_at;
            delete from hub.evidence_queue where log_id = any(@queued);
            """, connection, transaction))
        {
            var touched = chains.Distinct().ToArray();
            write.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
            write.Parameters.AddWithValue("chains", chains);
            write.Parameters.AddWithValue("seqs", seqs);
            write.Parameters.AddWithValue("logs", lines.Select(l => l.LogId).ToArray());
            write.Parameters.AddWithValue("messages", lines.Select(l => l.MessageId).ToArray());
            write.Parameters.AddWithValue("hashes", hashes);
            write.Parameters.AddWithValue("previous", previous);
            write.Parameters.AddWithValue("head_chains", touched);
            write.Parameters.AddWithValue("head_seqs", touched.Select(c => heads[c].Seq).ToArray());
            write.Parameters.AddWithValue("head_hashes", touched.Select(c => heads[c].Hash).ToArray());
            write.Parameters.AddWithValue("queued", queued.ToArray());
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return queued.Count;
    }
}
