using System.Text.Json;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Backfill runs' rows in <c>hub.flow_runs</c>: queued with their operator action in one transaction (at most
/// one queued, running or waiting per flow, by a unique index), then claimed by their job; one that a maintenance window
/// of its source stopped or kept from starting is 'waiting' until its job at the window's end claims it again.</summary>
public sealed class BackfillStore(NpgsqlDataSource dataSource)
{
    /// <summary>The trigger of a backfill: <c>backfill:</c> and the officer who asked.</summary>
    public const string TriggerPrefix = "backfill:";

    /// <summary>The status of a backfill waiting for its source's maintenance window to end (then it reads on from its
    /// position); its error says until when.</summary>
    public const string WaitingStatus = "waiting";

    /// <returns>The new run's id; or, when the flow has a backfill queued or running already, null and that one.</returns>
    public async Task<(long? RunId, (long Id, string Status, string? JobId, DateTimeOffset QueuedAt)? Existing)> QueueAsync(
        string flowId, string operatorName, string reason, string from, DateTimeOffset? to, object selection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long? runId;
        await using (var insert = new NpgsqlCommand(
            """
            insert into hub.flow_runs (flow_id, trigger, status, started_at, reason, backfill_from, backfill_to)
            values (@flow, @trigger, 'queued', @now, @reason, @from, @to)
            on conflict (flow_id) where trigger like 'backfill:%' and status in ('queued', 'running', 'waiting') do nothing
            returning id
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("flow", flowId);
            insert.Parameters.AddWithValue("trigger", TriggerPrefix + operatorName);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("reason", reason);
            insert.Parameters.AddWithValue("from", from);
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("to", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = to });
            runId = await insert.ExecuteScalarAsync(cancellationToken) as long?;
        }

        if (runId is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return (null, await ActiveAsync(flowId, cancellationToken));
        }

        await using (var action = new NpgsqlCommand(
            "insert into hub.operator_actions (action, operator, reason, selection, message_count, at) values ('flow-backfill', @operator, @reason, @selection::jsonb, 0, @now)",
            connection, transaction))
        {
            action.Parameters.AddWithValue("operator", operatorName);
            action.Parameters.AddWithValue("reason", reason);
            action.Parameters.AddWithValue("selection", JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["flow"] = flowId,
                ["runId"] = runId,
                ["backfill"] = selection,
            }));
            action.Parameters.AddWithValue("now", now);
            await action.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (runId, null);
    }

    /// <returns>The flow's backfill queued, running or waiting now, if any: its id, status, job and when it was queued.</returns>
    public async Task<(long Id, string Status, string? JobId, DateTimeOffset QueuedAt)?> ActiveAsync(string flowId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, status, job_id, started_at from hub.flow_runs where flow_id = @flow and trigger like 'backfill:%' and status in ('queued', 'running', 'waiting')");
        command.Parameters.AddWithValue("flow", flowId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)) : null;
    }

    /// <returns>The end of the newest history month retention has dropped, or null while none was: before it, the hub no
    /// longer knows which records it sent.</returns>
    public async Task<DateTimeOffset?> HistoryDroppedUntilAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select max(closed_at) from hub.history_partitions where dropped_at is not null");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateTimeOffset>(0) : null;
    }

    public async Task SetJobAsync(long runId, string jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update hub.flow_runs set job_id = @job where id = @id");
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Claims a queued or waiting backfill for its job, which holds the flow's run lock. One that read before it
    /// waited keeps its start (its counts go on from where they were).</summary>
    /// <returns>Null when it is not queued or waiting (it ran, failed, or was given up): the job then does nothing.</returns>
    public async Task<FlowRun?> StartAsync(long runId, string? jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            update hub.flow_runs set status = 'running', started_at = case when backfill_position is null then @now else started_at end,
                job_id = coalesce(@job, job_id), error = null
            where id = @id and status in ('queued', 'waiting')
            returning id, flow_id, job_id, trigger, status, started_at, ended_at, records_read, messages_created, error, records_filtered, reason, backfill_from, backfill_to, backfill_position
            """);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("job", (object?)jobId ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? FlowRunStore.Read(reader) : null;
    }

    /// <summary>A backfill its source's maintenance window stopped (it was running) or kept from starting: waiting, with why.</summary>
    /// <returns>False when it is no longer queued, running or waiting.</returns>
    public async Task<bool> WaitAsync(long runId, string why, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update hub.flow_runs set status = 'waiting', error = @why where id = @id and status in ('queued', 'running', 'waiting')");
        command.Parameters.AddWithValue("why", why);
        command.Parameters.AddWithValue("id", runId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Ends a backfill that never started or did not start again (its job could not be enqueued, or its flow is
    /// gone or paused).</summary>
    public async Task GiveUpAsync(long runId, string status, string error, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            "update hub.flow_runs set status = @status, error = @error, ended_at = @now where id = @id and status in ('queued', 'waiting')");
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("error", error);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
