namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>A downloaded body (read-only) on which every read must receive data within an idle timeout, else it fails
/// with an <see cref="IOException"/> naming DownloadIdleTimeout (classified transient, like any broken connection).
/// Needed because the host's resilience pipeline times an attempt only until the response headers arrive and the
/// host's HttpClient has no overall timeout: a body stalling mid-way would otherwise block the flow run for ever.
/// An idle timeout rather than a deadline, so a large document on a slow but live connection still gets through.
/// <paramref name="cancellationToken"/> (the download's) also cancels reads the edXML reader makes without one.</summary>
public sealed class IdleTimeoutStream(Stream inner, TimeSpan idleTimeout, TimeProvider timeProvider, CancellationToken cancellationToken) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken readCancellation = default)
    {
        using var idle = new CancellationTokenSource(idleTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, readCancellation, cancellationToken);
        try
        {
            return await inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException
            && idle.IsCancellationRequested && !readCancellation.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"The response body sent nothing for {idleTimeout} (DownloadIdleTimeout); the download was given up.", ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken readCancellation) =>
        ReadAsync(buffer.AsMemory(offset, count), readCancellation).AsTask();

    /// <summary>Synchronous reads are not expected (the edXML reader reads asynchronously); supported for completeness.</summary>
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
    }
}
