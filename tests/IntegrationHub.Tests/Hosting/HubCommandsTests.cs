using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Hosting;

/// <summary>The hub's commands beside <c>hash-password</c>: <c>check-config</c> gives the start-up configuration report
/// without starting anything, <c>migrate</c> brings a database's schema up to date and stops.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HubCommandsTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Check_config_passes_the_development_configuration_and_starts_nothing()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), $"hub-check-{Guid.NewGuid():N}");

        var (exit, output, error) = await HostCommand.RunAsync(
            new Dictionary<string, string> { ["Hub__EmbeddedPostgres__DataFolder"] = dataFolder }, "check-config", "--environment", "Development");

        Assert.True(exit == 0, error);
        Assert.Contains($"The configuration of environment 'Development' has no problem: {RegisteredModules.ConnectorIds.Count} connectors", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataFolder), "check-config prepared an embedded PostgreSQL cluster");
    }

    [Fact]
    public async Task Check_config_lists_every_problem_and_exits_2()
    {
        var (exit, output, error) = await HostCommand.RunAsync(
            new Dictionary<string, string> { ["Connectors__igate__BaseUrl"] = "not a url", ["Flows__procedures__Schedule"] = "every five minutes" }, "check-config");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("IntegrationHub cannot start in environment 'Production'", error, StringComparison.Ordinal);
        Assert.Contains(" - Connectors:igate: ", error, StringComparison.Ordinal);
        Assert.Contains(" - Flows:procedures:Schedule 'every five minutes' is not a valid Quartz cron expression", error, StringComparison.Ordinal);
        Assert.Contains(" - Hub:Admin:Username and Hub:Admin:PasswordHash must be set in Production", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_brings_an_empty_database_up_to_date_and_exits()
    {
        var connectionString = await cluster.CreateDatabaseAsync();

        var (exit, output, error) = await HostCommand.RunAsync(new Dictionary<string, string> { ["ConnectionStrings__Hub"] = connectionString }, "migrate");

        Assert.True(exit == 0, error);
        Assert.Contains("is up to date", output, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("select count(*) from information_schema.tables where table_schema = 'hub' and table_name in ('messages', 'deliveries', 'inbox')", connection);
        Assert.Equal(3L, (long)(await tables.ExecuteScalarAsync())!);

        // Again: nothing left to do, and it says so the same way.
        var again = await HostCommand.RunAsync(new Dictionary<string, string> { ["ConnectionStrings__Hub"] = connectionString }, "migrate");
        Assert.Equal(0, again.ExitCode);
    }
}
