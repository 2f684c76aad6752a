using System.Reflection;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Applies the hub's versioned migrations, then installs Hangfire's and Quartz's schemas, all under one
/// advisory lock so that hosts starting together take turns and each step runs once.</summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    public const string HangfireSchema = "hangfire";
    public const string QuartzTablePrefix = "quartz.qrtz_";
    private const long MigrationLockKey = 0x48_55_42_4D_49_47; // "HUBMIG"

    public Task MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(int.MaxValue, cancellationToken);

    /// <summary>Applies the migrations up to <paramref name="lastVersion"/> only (a test builds a database as an older hub left it).</summary>
    public async Task MigrateAsync(int lastVersion, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"select pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection,
                "create schema if not exists hub; create table if not exists hub.schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())",
                cancellationToken);
            var applied = new HashSet<int>();
            await using (var read = new NpgsqlCommand("select version from hub.schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            foreach (var (version, name, sql) in LoadMigrations().Where(m => !applied.Contains(m.Version) && m.Version <= lastVersion))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                // No timeout: an upgrade rewrites or copies whole tables (e.g. 0028's inbox keys), which on a year of
                // history takes longer than a query's usual 30 s; cut off, the migration would roll back at every start.
                await using (var apply = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 })
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("insert into hub.schema_migrations (version, name) values (@v, @n)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", version);
                    record.Parameters.AddWithValue("n", name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version} {Name}", version, name);
            }

            PostgreSqlObjectsInstaller.Install(connection, HangfireSchema);
            await ExecuteAsync(connection, "create schema if not exists quartz", cancellationToken);
            foreach (var statement in QuartzSchemaStatements())
            {
                await ExecuteAsync(connection, statement, cancellationToken);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"select pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    private static IEnumerable<(int Version, string Name, string Sql)> LoadMigrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "IntegrationHub.Host.Storage.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^4];
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (int.Parse(name.Split('_')[0], System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Item1);
    }

    /// <summary>Quartz ships an idempotent create script; it is run here so it shares the migration lock.</summary>
    private static IEnumerable<string> QuartzSchemaStatements()
    {
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_postgres.sql")
            ?? throw new InvalidOperationException("Quartz's PostgreSQL schema script was not found in Quartz.dll.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd()
            .Replace("{0}", QuartzTablePrefix, StringComparison.Ordinal)
            .Replace("{1}", "qrtz_", StringComparison.Ordinal);
        return script.Split("\n--;;", StringSplitOptions.RemoveEmptyEntries)
            .Select(s => string.Join('\n', s.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
