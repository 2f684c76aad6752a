namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>A stream that gives <paramref name="content"/> and then throws <paramref name="failure"/> instead of ending:
/// an attachment store's source with a missing row (at the first read) or a length/SHA-256 mismatch (found at the end
/// of the content), or a response body whose connection breaks.</summary>
internal sealed class FailingSource(byte[] content, Exception failure) : Stream
{
    private int _given;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _given;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var take = Math.Min(count, content.Length - _given);
        if (take <= 0)
        {
            throw failure;
        }

        content.AsSpan(_given, take).CopyTo(buffer.AsSpan(offset, take));
        _given += take;
        return take;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
