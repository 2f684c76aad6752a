namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>Counts what the sandbox served; thread-safe (Kestrel serves calls concurrently).</summary>
internal sealed class SandboxCallCounters
{
    private readonly Lock _lock = new();
    private readonly List<int> _pagesRequested = [];
    private int _loginCalls;
    private int _listCalls;
    private int _detailCalls;

    public void Login() => Interlocked.Increment(ref _loginCalls);

    public void Detail() => Interlocked.Increment(ref _detailCalls);

    public void List(int pageIndex)
    {
        lock (_lock)
        {
            _listCalls++;
            _pagesRequested.Add(pageIndex);
        }
    }

    public NationalPortalSandboxStats Snapshot(int procedureCount, IReadOnlyDictionary<string, int> faults)
    {
        lock (_lock)
        {
            return new NationalPortalSandboxStats(
                procedureCount,
                Volatile.Read(ref _loginCalls),
                _listCalls,
                Volatile.Read(ref _detailCalls),
                [.. _pagesRequested],
                faults);
        }
    }
}
