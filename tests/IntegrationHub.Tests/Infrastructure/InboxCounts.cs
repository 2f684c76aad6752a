using Npgsql;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Row counts of everything an inbound request could change, to show a refused one changed nothing.</summary>
public sealed record InboxCounts(long Inbox, long Nonces, long Messages)
{
    public static async Task<InboxCounts> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select (select count(*) from hub.inbox), (select count(*) from hub.inbound_nonces), (select count(*) from hub.messages)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new InboxCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
