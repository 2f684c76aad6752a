namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Tests that start hubs share the cluster and run one after another: Hangfire keeps static state
/// (JobStorage.Current, global filters), so two hubs in one process must not overlap.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
