using IntegrationHub.Host.Storage;

namespace IntegrationHub.Tests.Storage;

/// <summary>A connection string naming several servers must ask for the writable one, or a failover can leave the hub
/// on a standby; the start refuses it, naming the hosts and not the password.</summary>
public sealed class HubConnectionStringTests
{
    [Theory]
    [InlineData("Host=pg1:5432,pg2:5432;Database=hub;Username=hub;Password=secret-1", "any")]
    [InlineData("Host=pg1:5432,pg2:5432;Database=hub;Username=hub;Password=secret-1;Target Session Attributes=prefer-primary", "prefer-primary")]
    public void Several_servers_without_read_write_are_refused_at_start(string connectionString, string attributes)
    {
        var problem = Assert.Single(HubConnectionString.Problems(connectionString));
        Assert.Equal(
            $"ConnectionStrings:Hub names several servers (pg1:5432,pg2:5432) but Target Session Attributes is '{attributes}': after a failover the hub could keep to a standby, where every write fails. Add 'Target Session Attributes=read-write'.",
            problem);
        Assert.DoesNotContain("secret-1", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=pg1:5432,pg2:5432;Database=hub;Username=hub;Target Session Attributes=read-write")]
    [InlineData("Host=pg1,pg2;Port=5433;Database=hub;Username=hub;Target Session Attributes=primary")]
    [InlineData("Host=pg-primary.internal;Database=hub;Username=hub")]
    [InlineData("")]
    public void One_server_or_several_asking_for_the_writable_one_is_accepted(string connectionString) =>
        Assert.Empty(HubConnectionString.Problems(connectionString));
}
