namespace IntegrationHub.Tests.Infrastructure;

/// <summary>One <see cref="EdgeRig"/> shared by the tests of a class: started by the first test that asks (the cluster
/// is the collection's, which a class fixture cannot take), disposed after the class's last test.</summary>
public sealed class EdgeRigFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EdgeRig? _rig;

    public async Task<EdgeRig> GetAsync(PostgresCluster cluster)
    {
        await _gate.WaitAsync();
        try
        {
            return _rig ??= await EdgeRig.StartAsync(cluster);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }

        _gate.Dispose();
    }
}
