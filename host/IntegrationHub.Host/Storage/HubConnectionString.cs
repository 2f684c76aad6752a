using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Checks <c>ConnectionStrings:Hub</c> at start for what only shows in a failover.</summary>
public static class HubConnectionString
{
    /// <summary>A string naming several servers must ask for the one that takes writes: with Npgsql's default (any),
    /// the hub would keep to the first server that answers, which after a failover may be a standby (the old primary
    /// back as one), and every write would fail. Names the hosts, never the password.</summary>
    public static IReadOnlyList<string> Problems(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return [];
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var writable = builder.TargetSessionAttributes is { } wanted &&
            (wanted.Equals("read-write", StringComparison.OrdinalIgnoreCase) || wanted.Equals("primary", StringComparison.OrdinalIgnoreCase));
        return builder.Host?.Contains(',', StringComparison.Ordinal) == true && !writable
            ? [$"ConnectionStrings:Hub names several servers ({builder.Host}) but Target Session Attributes is '{builder.TargetSessionAttributes ?? "any"}': after a failover the hub could keep to a standby, where every write fails. Add 'Target Session Attributes=read-write'."]
            : [];
    }
}
