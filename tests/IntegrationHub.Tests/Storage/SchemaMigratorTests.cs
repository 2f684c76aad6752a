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

    [Fact]
    public async Task Keys_stored_decomposed_before_the_upgrade_are_put_in_NFC_once()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        var composed = "Nguyễn-HS-01".Normalize(System.Text.NormalizationForm.FormC);
        var decomposed = composed.Normalize(System.Text.NormalizationForm.FormD);
        var alone = "Trần-HS-02".Normalize(System.Text.NormalizationForm.FormD);

        // As a hub before the upgrade left them: a message keyed decomposed, and one record seen under both forms.
        await using (var setup = dataSource.CreateCommand(
            """
            delete from hub.schema_migrations where name = '0011_nfc_keys';
            insert into hub.messages (flow_id, record_key, business_key, version, payload, received_at) values ('procedures', @d, @d, '1', '{}', now());
            insert into hub.record_versions (flow_id, record_key, version) values ('procedures', @d, 'old'), ('procedures', @c, 'new'), ('procedures', @a, 'only');
            """))
        {
            setup.Parameters.AddWithValue("d", decomposed);
            setup.Parameters.AddWithValue("c", composed);
            setup.Parameters.AddWithValue("a", alone);
            await setup.ExecuteNonQueryAsync();
        }

        await migrator.MigrateAsync(CancellationToken.None);

        await using var check = dataSource.CreateCommand(
            """
            select (select count(*) from hub.messages where business_key = @c and record_key = @c),
                   (select string_agg(version, ',' order by version) from hub.record_versions where record_key in (@c, @d)),
                   (select count(*) from hub.record_versions where record_key = @na and version = 'only')
            """);
        check.Parameters.AddWithValue("c", composed);
        check.Parameters.AddWithValue("d", decomposed);
        check.Parameters.AddWithValue("na", alone.Normalize(System.Text.NormalizationForm.FormC));
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(1, reader.GetInt64(0));
        Assert.Equal("new", reader.GetString(1));
        Assert.Equal(1, reader.GetInt64(2));
    }
}
