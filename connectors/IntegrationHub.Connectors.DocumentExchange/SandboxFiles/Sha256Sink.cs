using System.Security.Cryptography;

namespace IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

/// <summary>A write-only sink that keeps only a running SHA-256 and a byte count, so a large attachment can be checked
/// byte-exact without being held in memory.</summary>
public sealed class Sha256Sink : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _hex;

    public long Written { get; private set; }

    /// <summary>The SHA-256 of everything written, lower-case hex; final once the stream is disposed.</summary>
    public string Sha256 => _hex ?? Convert.ToHexStringLower(_hash.GetCurrentHash());

    public static string Of(Stream source)
    {
        using var sink = new Sha256Sink();
        source.CopyTo(sink, 64 * 1024);
        return sink.Sha256;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        Written += buffer.Length;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _hex is null)
        {
            _hex = Convert.ToHexStringLower(_hash.GetCurrentHash());
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
