using System.Diagnostics;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>After a run with the evidence log on: how long until the sequencer linked every log line the run wrote
/// (the queue empty), and the count of lines and links (equal when nothing was left out).</summary>
internal static class EvidenceBacklog
{
    public static async Task<string> DrainedAsync(BenchFolder folder, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(HubDatabase.ConnectionString(folder));
        await connection.OpenAsync(cancellationToken);
        var wait = Stopwatch.StartNew();
        long queued;
        do
        {
            await using var count = new NpgsqlCommand("select count(*) from hub.evidence_queue", connection);
            queued = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            if (queued > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
        while (queued > 0 && wait.Elapsed < TimeSpan.FromMinutes(2));

        // The window: from a line's time (its writer's clock, taken just before its commit) to its link's.
        await using var totals = new NpgsqlCommand(
            """
            select (select count(*) from hub.message_log), (select count(*) from hub.evidence_links), (select count(*) from hub.evidence_heads),
                   percentile_cont(array[0.5, 0.99]) within group (order by extract(epoch from k.linked_at - l.at)), max(extract(epoch from k.linked_at - l.at))::float8
            from hub.evidence_links k join hub.message_log l on l.id = k.log_id and l.message_id = k.message_id
            """, connection);
        await using var reader = await totals.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var window = reader.IsDBNull(3) ? [double.NaN, double.NaN] : reader.GetFieldValue<double[]>(3);
        return $"evidence: queue {(queued == 0 ? "drained" : $"still {queued:N0}")} {wait.Elapsed.TotalSeconds:N2} s after the last procedure reached iGate; " +
            $"{reader.GetInt64(0):N0} log lines, {reader.GetInt64(1):N0} links, {reader.GetInt64(2):N0} signed heads; " +
            $"line -> link p50 {window[0]:N2} s, p99 {window[1]:N2} s, max {(reader.IsDBNull(4) ? double.NaN : reader.GetDouble(4)):N2} s";
    }
}
