namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>The live demo's background activity: every <see cref="IGateDossierFeedOptions.GenerateEvery"/>, a few new
/// dossiers and a few steps on open ones. Runs on the sandbox's TimeProvider, so a fake clock drives it in tests.</summary>
internal sealed class DossierFeed(DossierStore store, IGateDossierFeedOptions options, TimeProvider timeProvider) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private bool _disposed;

    public void Start()
    {
        if (options.GenerateEvery > TimeSpan.Zero)
        {
            _loop = RunAsync(options.GenerateEvery, _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                // Read each tick, so a test or the demo can turn the volume up or down while it runs.
                store.Generate(options.NewPerTick, 0, exact: true);
                store.AdvanceSome(options.AdvancesPerTick);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by DisposeAsync.
        }
    }
}
