using Npgsql;

namespace IntegrationHub.Host.Inbound;

/// <summary>The gateway's own connection pool, with short timeouts: when the database is away a push must get its 503
/// in seconds, not after the default 15 s connect and 30 s command timeouts.</summary>
public static class InboxDataSource
{
    public const string Key = "inbox";

    public static NpgsqlDataSource Create(string connectionString) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = 3,
            CommandTimeout = 10,
            MaxPoolSize = 32,
            KeepAlive = 30,
            ApplicationName = "integrationhub-inbox",
            // The group-commit statement is the same every time: prepared once per connection, it is not planned per batch.
            MaxAutoPrepare = 8,
        }.ConnectionString);
}
