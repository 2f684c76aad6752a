using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace IntegrationHub.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Hosts_migrating_one_database_at_the_same_time_apply_each_migration_once()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var first = NpgsqlDataSource.Create(connectionString);
        await using var second = NpgsqlDataSource.Create(connectionString);

        await Task.WhenAll(
            Task.Run(() => new SchemaMigrator(first, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None)),
            Task.Run(() => new SchemaMigrator(second, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None)));
        await new SchemaMigrator(first, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        await using var command = first.CreateCommand(
            """
            select (select count(*) from hub.schema_migrations),
                   (select count(distinct version) from hub.schema_migrations),
                   (select count(*) from information_schema.tables where table_schema = 'quartz' and table_name like 'qrtz_%'),
                   (select count(*) from information_schema.tables where table_schema = 'hangfire' and table_name = 'job'),
                   (select count(*) from information_schema.tables where table_schema = 'hub' and table_name in ('messages', 'deliveries', 'checkpoints', 'flow_runs', 'message_log'))
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var migrations = reader.GetInt64(0);
        Assert.True(migrations >= 1);
        Assert.Equal(migrations, reader.GetInt64(1));
        Assert.True(reader.GetInt64(2) >= 10, "Quartz tables are created");
        Assert.Equal(1, reader.GetInt64(3));
        Assert.Equal(5, reader.GetInt64(4));
    }
}
