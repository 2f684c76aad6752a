using System.Security.Cryptography;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.TestKit;

/// <summary>Reads a <see cref="FileAttachmentStore"/> attachment as the contract says: opened at the first read
/// (<see cref="FileNotFoundException"/> if it is not a completed attachment), length and SHA-256 checked against the
/// reference (<see cref="InvalidDataException"/> when longer, or at the end).</summary>
internal sealed class FileAttachmentReadStream(FileAttachmentStore store, AttachmentReference reference) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private FileStream? _file;
    private long _position;
    private bool _finished;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => reference.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_finished || buffer.Length == 0)
        {
            return 0;
        }

        _file ??= Open();
        var read = await _file.ReadAsync(buffer, cancellationToken);
        _hash.AppendData(buffer.Span[..read]);
        _position += read;
        if (_position > reference.Length)
        {
            throw new InvalidDataException($"Attachment {reference.Id} is longer than the {reference.Length} bytes of its reference.");
        }

        if (read == 0)
        {
            _finished = true;
            var sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
            if (_position != reference.Length || !string.Equals(sha256, reference.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"Attachment {reference.Id} read back as {_position} bytes with SHA-256 {sha256}, not {reference.Length} with {reference.Sha256}.");
            }
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
            _hash.Dispose();
        }
    }

    private FileStream Open() =>
        store.IsReadable(reference.Id) && File.Exists(store.PathOf(reference.Id))
            ? new FileStream(store.PathOf(reference.Id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : throw new FileNotFoundException($"Attachment {reference.Id} ({reference.Name}) is not in the store.");
}
