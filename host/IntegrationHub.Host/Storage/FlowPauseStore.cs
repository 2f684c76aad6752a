using System.Text.Json;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Paused flows (<c>hub.flow_pauses</c>), in the database so that every hub process of a cluster sees the same
/// state. Pausing and resuming are each one transaction with their operator action.</summary>
public sealed class FlowPauseStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "flow_id, paused_by, reason, paused_at, action_id, skipped_runs";

    /// <returns>The new pause, or null when the flow was paused already (nothing is recorded then).</returns>
    public async Task<FlowPause?> PauseAsync(string flowId, string operatorName, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await LockAsync(connection, flowId, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            with action as (
                insert into hub.operator_actions (action, operator, reason, selection, message_count, at)
                select 'flow-pause', @operator, @reason, @selection::jsonb, 0, @now
                where not exists (select 1 from hub.flow_pauses where flow_id = @flow)
                returning id)
            insert into hub.flow_pauses (flow_id, paused_by, reason, paused_at, action_id)
            select @flow, @operator, @reason, @now, id from action
            on conflict (flow_id) do nothing
            returning {Columns}
            """, connection, transaction);
        Bind(command, flowId, operatorName, reason, now);
        var pause = await ReadOneAsync(command, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pause;
    }

    /// <returns>The pause that was lifted, or null when the flow was not paused (nothing is recorded then).</returns>
    public async Task<FlowPause?> ResumeAsync(string flowId, string operatorName, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await LockAsync(connection, flowId, cancellationToken);
        FlowPause? lifted;
        await using (var delete = new NpgsqlCommand($"delete from hub.flow_pauses where flow_id = @flow returning {Columns}", connection, transaction))
        {
            delete.Parameters.AddWithValue("flow", flowId);
            lifted = await ReadOneAsync(delete, cancellationToken);
        }

        if (lifted is null)
        {
            return null;
        }

        await using (var record = new NpgsqlCommand(
            "insert into hub.operator_actions (action, operator, reason, selection, message_count, at) values ('flow-resume', @operator, @reason, @selection::jsonb, 0, @now)",
            connection, transaction))
        {
            Bind(record, flowId, operatorName, reason, now);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return lifted;
    }

    public async Task<FlowPause?> FindAsync(string flowId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from hub.flow_pauses where flow_id = @flow");
        command.Parameters.AddWithValue("flow", flowId);
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, FlowPause>> AllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from hub.flow_pauses");
        var pauses = new Dictionary<string, FlowPause>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var pause = Read(reader);
            pauses[pause.FlowId] = pause;
        }

        return pauses;
    }

    /// <summary>Whether the flow is paused; a scheduled run it refuses is counted (one statement), so that resuming
    /// runs the flow once instead of waiting for the next firing.</summary>
    public async Task<bool> RefusesRunAsync(string flowId, bool countSkippedRun, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(countSkippedRun
            ? "update hub.flow_pauses set skipped_runs = skipped_runs + 1 where flow_id = @flow returning 1"
            : "select 1 from hub.flow_pauses where flow_id = @flow");
        command.Parameters.AddWithValue("flow", flowId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>A transaction holding the flow's pause lock: two operators pausing at once record one action, not two.</summary>
    private static async Task<NpgsqlTransaction> LockAsync(NpgsqlConnection connection, string flowId, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('flow-pause:' || @flow, 0))", connection, transaction);
        command.Parameters.AddWithValue("flow", flowId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    private static void Bind(NpgsqlCommand command, string flowId, string operatorName, string reason, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("operator", operatorName);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("selection", JsonSerializer.Serialize(new { flow = flowId }));
        command.Parameters.AddWithValue("now", now);
    }

    private static async Task<FlowPause?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static FlowPause Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt64(4), reader.GetInt32(5));
}
