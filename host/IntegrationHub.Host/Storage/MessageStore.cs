using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Contracts;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Makes records durable as messages, with their pending deliveries and the checkpoint after them, in one
/// transaction: a checkpoint is never saved ahead of the records it covers.</summary>
public sealed class MessageStore(NpgsqlDataSource dataSource)
{
    /// <summary>Marks versions the hub derived from the payload: they can repeat (A, B, A), unlike a source's own.</summary>
    public const string HashedVersionPrefix = "#";

    private const string AppendSql = """
        with input as (
            select distinct on (record_key) record_key, business_key, version, payload, problem, ord
            from unnest(@keys, @business_keys, @versions, @payloads, @problems) with ordinality as t(record_key, business_key, version, payload, problem, ord)
            order by record_key, ord desc),
        changed as (
            insert into hub.record_versions as rv (flow_id, record_key, version)
            select @flow, record_key, version from input
            on conflict (flow_id, record_key) do update set version = excluded.version where rv.version <> excluded.version
            returning record_key),
        inserted as (
            insert into hub.messages (flow_id, record_key, business_key, version, payload, received_at, run_id)
            select @flow, i.record_key, i.business_key, i.version, i.payload::jsonb, @now, @run
            from input i join changed c on c.record_key = i.record_key
            order by i.ord
            returning id, record_key),
        deliveries as (
            insert into hub.deliveries (message_id, destination, flow_id, record_key, status, attempts, last_error_code, last_error, updated_at)
            select inserted.id, d, @flow, inserted.record_key,
                   case when i.problem is not null then 'dead'
                        when exists (select 1 from hub.deliveries open
                                     where open.destination = d and open.flow_id = @flow and open.record_key = inserted.record_key
                                       and open.status in ('pending', 'waiting')) then 'waiting'
                        when @hold and exists (select 1 from hub.deliveries parked
                                     where parked.destination = d and parked.flow_id = @flow and parked.record_key = inserted.record_key
                                       and parked.status = 'dead') then 'waiting'
                        else 'pending' end, 0,
                   case when i.problem is null then null else @invalid_code end, i.problem, @now
            from inserted join input i on i.record_key = inserted.record_key cross join unnest(@destinations) as d),
        logged as (
            insert into hub.message_log (message_id, event, detail, at)
            select id, 'received', @detail, @now from inserted)
        select count(*) from inserted
        """;

    /// <returns>How many new messages were created (unchanged records are not messages).</returns>
    public async Task<int> AppendAsync(
        string flowId,
        long runId,
        IReadOnlyList<SourceRecord> records,
        IReadOnlyList<string> destinations,
        SourceCheckpoint? checkpoint,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        bool holdBehindDeadLetter = true)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DeliveryStore.LockFlowAsync(connection, transaction, flowId, cancellationToken);
        var created = 0;
        if (records.Count > 0)
        {
            await using var append = new NpgsqlCommand(AppendSql, connection, transaction);
            append.Parameters.AddWithValue("keys", records.Select(r => r.Key).ToArray());
            append.Parameters.AddWithValue("business_keys", records.Select(r => r.BusinessKey ?? r.Key).ToArray());
            append.Parameters.AddWithValue("versions", records.Select(r => r.Version ?? HashedVersionPrefix + HashOf(r.Payload)).ToArray());
            var problems = records.Select(r => PayloadCheck.Problem(r.Payload)).ToArray();
            append.Parameters.AddWithValue("payloads", records.Select((r, i) => problems[i] is null ? r.Payload : PayloadCheck.Wrap(r.Payload)).ToArray());
            append.Parameters.AddWithValue("problems", problems);
            append.Parameters.AddWithValue("invalid_code", PayloadCheck.ErrorCode);
            append.Parameters.AddWithValue("flow", flowId);
            append.Parameters.AddWithValue("run", runId);
            append.Parameters.AddWithValue("now", now);
            append.Parameters.AddWithValue("destinations", destinations.ToArray());
            append.Parameters.AddWithValue("hold", holdBehindDeadLetter);
            append.Parameters.AddWithValue("detail", $"run {runId}");
            created = Convert.ToInt32(await append.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (checkpoint is not null)
        {
            await using var save = new NpgsqlCommand(
                """
                insert into hub.checkpoints (flow_id, state, run_id, updated_at) values (@flow, @state, @run, @now)
                on conflict (flow_id) do update set state = excluded.state, run_id = excluded.run_id, updated_at = excluded.updated_at
                """, connection, transaction);
            save.Parameters.AddWithValue("flow", flowId);
            save.Parameters.AddWithValue("state", checkpoint.State);
            save.Parameters.AddWithValue("run", runId);
            save.Parameters.AddWithValue("now", now);
            await save.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var count = new NpgsqlCommand(
            "update hub.flow_runs set records_read = records_read + @read, messages_created = messages_created + @created where id = @run",
            connection, transaction))
        {
            count.Parameters.AddWithValue("read", (long)records.Count);
            count.Parameters.AddWithValue("created", (long)created);
            count.Parameters.AddWithValue("run", runId);
            await count.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>Refreshes planner statistics of the message tables. A bulk run outpaces autovacuum, and plans made for
    /// an empty table turn the delivery claim into a scan.</summary>
    public async Task AnalyzeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("analyze hub.messages; analyze hub.deliveries");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SourceCheckpoint?> LoadCheckpointAsync(string flowId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select state from hub.checkpoints where flow_id = @flow");
        command.Parameters.AddWithValue("flow", flowId);
        return await command.ExecuteScalarAsync(cancellationToken) is string state ? new SourceCheckpoint(state) : null;
    }

    private static string HashOf(string payload) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
}
