using IntegrationHub.Host;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task Without_binaries_or_a_connection_string_the_start_says_how_to_fix_it()
    {
        var settings = TestHub.BaseSettings(string.Empty);
        settings["Hub:EmbeddedPostgres:BinFolder"] = "/nonexistent/postgresql/bin";

        var error = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(settings));

        Assert.Equal(PostgresBinaries.InstallHint, error.Message);
        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Hub", error.Message, StringComparison.Ordinal);
    }
}
