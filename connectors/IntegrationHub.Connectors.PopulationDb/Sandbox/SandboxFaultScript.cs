namespace IntegrationHub.Connectors.PopulationDb.Sandbox;

/// <summary>Faults scripted for the next SOAP requests, and how many SOAP requests arrived (each attempt of a client).</summary>
internal sealed class SandboxFaultScript
{
    private readonly Queue<PopulationDbSandboxFault> _next = new();
    private readonly Lock _lock = new();
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public void Add(PopulationDbSandboxFault fault, int times)
    {
        lock (_lock)
        {
            for (var i = 0; i < times; i++)
            {
                _next.Enqueue(fault);
            }
        }
    }

    /// <summary>Counts a request and takes the fault it gets, if any.</summary>
    public PopulationDbSandboxFault? Take()
    {
        Interlocked.Increment(ref _requests);
        lock (_lock)
        {
            return _next.TryDequeue(out var fault) ? fault : null;
        }
    }
}
