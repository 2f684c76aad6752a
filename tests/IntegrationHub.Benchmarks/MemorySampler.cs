namespace IntegrationHub.Benchmarks;

/// <summary>Samples, until disposed, the host's VmRSS and its embedded PostgreSQL's summed VmRSS and PSS (every
/// <see cref="Interval"/>), keeping the peaks. The host's VmHWM (the kernel's own peak) is read on demand.</summary>
internal sealed class MemorySampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly int _hostPid;
    private readonly EmbeddedCluster _cluster;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _hostRss;
    private long _postgresRss;
    private long _postgresPss;
    private long _hostHwm;

    public MemorySampler(int hostPid, EmbeddedCluster cluster)
    {
        _hostPid = hostPid;
        _cluster = cluster;
        _loop = Task.Run(LoopAsync);
    }

    public MemoryPeaks Peaks()
    {
        Sample();
        return new MemoryPeaks(Interlocked.Read(ref _hostHwm), Interlocked.Read(ref _hostRss), Interlocked.Read(ref _postgresRss), Interlocked.Read(ref _postgresPss));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private void Sample()
    {
        Max(ref _hostRss, ProcFs.StatusBytes(_hostPid, "VmRSS"));
        Max(ref _hostHwm, ProcFs.StatusBytes(_hostPid, "VmHWM"));
        var postgres = _cluster.Processes();
        Max(ref _postgresRss, postgres.Sum(pid => ProcFs.StatusBytes(pid, "VmRSS")));
        Max(ref _postgresPss, postgres.Sum(ProcFs.PssBytes));
    }

    private static void Max(ref long peak, long value)
    {
        for (var current = Interlocked.Read(ref peak); value > current; current = Interlocked.Read(ref peak))
        {
            if (Interlocked.CompareExchange(ref peak, value, current) == current)
            {
                return;
            }
        }
    }
}
