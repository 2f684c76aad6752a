using Hangfire.PostgreSql;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Gives Hangfire connections from the hub's one pooled data source.</summary>
public sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
