using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Inbound;

/// <summary>What the gateway knows about its storage without asking it: whether the database is reachable and how
/// deep the inbox is. Requests are refused at once (503) while either is bad, so none hang.</summary>
public sealed class InboxPressure(IOptions<InboundOptions> options)
{
    private long _depth;
    private int _storageDown;

    public long Depth => Interlocked.Read(ref _depth);

    public bool StorageDown => Volatile.Read(ref _storageDown) == 1;

    public InboundError? Refusal() =>
        StorageDown ? InboundError.StorageUnavailable()
        : Depth >= options.Value.MaxInboxDepth ? InboundError.InboxFull()
        : null;

    /// <returns>True when this call changed the state (log once per outage, not per request).</returns>
    public bool MarkStorageDown() => Interlocked.Exchange(ref _storageDown, 1) == 0;

    public bool MarkStorageUp() => Interlocked.Exchange(ref _storageDown, 0) == 1;

    public void Added(long count) => Interlocked.Add(ref _depth, count);

    public void SetDepth(long depth) => Interlocked.Exchange(ref _depth, depth);
}
