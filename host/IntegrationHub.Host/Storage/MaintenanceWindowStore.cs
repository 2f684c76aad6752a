using System.Text.Json;
using IntegrationHub.Host.Maintenance;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>One-off maintenance windows (<c>hub.connector_maintenance</c>), shared by every hub process of a cluster.
/// Adding and ending a window are each one transaction with their operator action.</summary>
public sealed class MaintenanceWindowStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, connector_id, starts_at, least(ends_at, coalesce(ended_at, ends_at)), reason, added_by";

    public async Task<MaintenanceWindow> AddAsync(
        string connectorId, DateTimeOffset from, DateTimeOffset to, string reason, string operatorName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            with action as (
                insert into hub.operator_actions (action, operator, reason, selection, message_count, at)
                values ('maintenance-add', @operator, @reason, @selection::jsonb, 0, @now)
                returning id)
            insert into hub.connector_maintenance (connector_id, starts_at, ends_at, reason, added_by, added_at, action_id)
            select @connector, @from, @to, @reason, @operator, @now, id from action
            returning {Columns}
            """);
        command.Parameters.AddWithValue("connector", connectorId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("operator", operatorName);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("selection", JsonSerializer.Serialize(new { connector = connectorId, from, to }));
        return (await ReadAsync(command, cancellationToken)).Single();
    }

    /// <returns>The window as it now stands (ending now), or null when the connector has no such window still open.</returns>
    public async Task<MaintenanceWindow?> EndAsync(long id, string connectorId, string operatorName, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            with ended as (
                update hub.connector_maintenance set ended_at = greatest(@now, starts_at), ended_by = @operator, end_reason = @reason
                where id = @id and connector_id = @connector and ended_at is null and ends_at > @now
                returning {Columns}),
            action as (
                insert into hub.operator_actions (action, operator, reason, selection, message_count, at)
                select 'maintenance-end', @operator, @reason, @selection::jsonb, 0, @now from ended)
            select * from ended
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("connector", connectorId);
        command.Parameters.AddWithValue("operator", operatorName);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("selection", JsonSerializer.Serialize(new { connector = connectorId, window = id }));
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Every connector's one-off windows not yet over at <paramref name="now"/>, earliest first.</summary>
    public async Task<IReadOnlyList<MaintenanceWindow>> OpenAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from hub.connector_maintenance where ended_at is null and ends_at > @now order by starts_at, id");
        command.Parameters.AddWithValue("now", now);
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<List<MaintenanceWindow>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var windows = new List<MaintenanceWindow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            windows.Add(new MaintenanceWindow(
                reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4),
                MaintenanceWindow.OneOff, reader.GetInt64(0), reader.GetString(5)));
        }

        return windows;
    }
}
