using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Each run of a flow's source: when, why, how it ended, how much it read.</summary>
public sealed class FlowRunStore(NpgsqlDataSource dataSource)
{
    public async Task<long> StartAsync(string flowId, string? jobId, string trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "insert into hub.flow_runs (flow_id, job_id, trigger, status, started_at) values (@flow, @job, @trigger, 'running', @now) returning id");
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("job", (object?)jobId ?? DBNull.Value);
        command.Parameters.AddWithValue("trigger", trigger);
        command.Parameters.AddWithValue("now", now);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task FinishAsync(long runId, string status, string? error, DateTimeOffset now)
    {
        // Not cancellable: a cancelled run must still be marked as such.
        await using var command = dataSource.CreateCommand("update hub.flow_runs set status = @status, error = @error, ended_at = @now where id = @id");
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Runs left 'running' by a host that died are closed as 'abandoned' when the flow's lock is free again.</summary>
    public async Task AbandonRunningAsync(string flowId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update hub.flow_runs set status = 'abandoned', ended_at = @now, error = 'the host running it stopped' where flow_id = @flow and status = 'running'");
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs marked 'running' now (a few rows, read through a partial index): the takeover check's candidates.</summary>
    public async Task<IReadOnlyList<(long Id, string FlowId)>> RunningAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, flow_id from hub.flow_runs where status = 'running' order by id");
        var running = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            running.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return running;
    }

    /// <summary>Marks one run whose host is gone as 'abandoned'.</summary>
    /// <returns>False when it is no longer running (it ended, or another host marked it first).</returns>
    public async Task<bool> AbandonAsync(long runId, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update hub.flow_runs set status = 'abandoned', ended_at = @now, error = @error where id = @id and status = 'running'");
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("error", error);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Whether a run of this Hangfire job was abandoned: its host died and the run was taken over, so the job,
    /// fetched again once Hangfire's invisibility timeout has passed, must not run the flow a second time.</summary>
    public async Task<bool> WasAbandonedAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from hub.flow_runs where job_id = @job and status = 'abandoned')");
        command.Parameters.AddWithValue("job", jobId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private const string Columns = "id, flow_id, job_id, trigger, status, started_at, ended_at, records_read, messages_created, error, records_filtered, reason, backfill_from, backfill_to, backfill_position";

    public async Task<FlowRun?> LastAsync(string flowId, CancellationToken cancellationToken) =>
        (await HistoryAsync(flowId, 1, cancellationToken)).FirstOrDefault();

    /// <summary>The last run of each of <paramref name="flowIds"/> that has run, in one query (an index probe per flow).</summary>
    public async Task<IReadOnlyDictionary<string, FlowRun>> LastAsync(IReadOnlyList<string> flowIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select r.* from unnest(@flows) as f(id)
            cross join lateral (select {Columns} from hub.flow_runs where flow_id = f.id order by id desc limit 1) r
            """);
        command.Parameters.AddWithValue("flows", flowIds.ToArray());
        var last = new Dictionary<string, FlowRun>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var run = Read(reader);
            last[run.FlowId] = run;
        }

        return last;
    }

    /// <summary>The flow's latest runs, newest first. A running run's counts are its progress: they grow with each commit.</summary>
    public async Task<IReadOnlyList<FlowRun>> HistoryAsync(string flowId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from hub.flow_runs where flow_id = @flow order by id desc limit @limit");
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("limit", limit);
        var runs = new List<FlowRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(Read(reader));
        }

        return runs;
    }

    /// <summary>The newest run of the flow's last <paramref name="window"/> runs that ended with an error (a bounded
    /// look back: a flow that never fails must not cost a scan of its whole history).</summary>
    public async Task<FlowRun?> LastFailedAsync(string flowId, int window, CancellationToken cancellationToken) =>
        (await HistoryAsync(flowId, window, cancellationToken)).FirstOrDefault(r => r.Error is not null);

    /// <summary>One run of the flow, or null (also when it is another flow's).</summary>
    public async Task<FlowRun?> FindAsync(string flowId, long runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from hub.flow_runs where id = @id and flow_id = @flow");
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("flow", flowId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    internal static FlowRun Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetInt64(7), reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetInt64(10),
        reader.IsDBNull(12) ? null : new FlowRunBackfill(
            reader.IsDBNull(11) ? string.Empty : reader.GetString(11), reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13), reader.IsDBNull(14) ? null : reader.GetString(14)));
}
