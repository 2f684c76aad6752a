using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>The hub database's own random id (created by a migration), read once.</summary>
public sealed class InstallationStore(NpgsqlDataSource dataSource)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _id;

    public async Task<string> IdAsync(CancellationToken cancellationToken)
    {
        if (_id is not null)
        {
            return _id;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = dataSource.CreateCommand("select id from hub.installation limit 1");
            _id ??= ((Guid)(await command.ExecuteScalarAsync(cancellationToken))!).ToString("N")[..12];
            return _id;
        }
        finally
        {
            _gate.Release();
        }
    }
}
