using System.Buffers;
using System.Security.Cryptography;
using IntegrationHub.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Host.Storage;

/// <summary>The content stream of one attachment being written: bytes gather in a pooled chunk buffer that is inserted
/// as a row whenever it fills; the SHA-256 is computed on the way. The attachment row is written with the first chunk
/// and completed last. Disposing the stream ends the content: the partial chunk is written and the buffer given back,
/// because the edXML reader disposes each sink when its attachment ends but completes the uploads only after the whole
/// envelope (a document with 300 attachments must not pin 300 buffers). <see cref="CompleteAsync"/> or
/// <see cref="AbandonAsync"/> then end the upload.</summary>
internal sealed class PostgresChunkStream : Stream
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly Guid _id;
    private readonly string _name;
    private readonly string _contentType;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? _buffer;
    private int _buffered;
    private bool _closed;
    private int _chunks;
    private long _length;
    private bool _rowWritten;
    private string? _sha256;
    private AttachmentReference? _completed;
    private bool _abandoned;

    public PostgresChunkStream(NpgsqlDataSource dataSource, TimeProvider timeProvider, Guid id, string name, string contentType)
    {
        _dataSource = dataSource;
        _timeProvider = timeProvider;
        _id = id;
        _name = name;
        _contentType = contentType;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_closed;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        // Rented on the first write, not up front: an upload begun but not yet written holds no buffer.
        var chunk = _buffer ??= ArrayPool<byte>.Shared.Rent(PostgresAttachmentStore.ChunkSize);
        while (buffer.Length > 0)
        {
            var take = Math.Min(buffer.Length, PostgresAttachmentStore.ChunkSize - _buffered);
            buffer.Span[..take].CopyTo(chunk.AsSpan(_buffered));
            _hash.AppendData(buffer.Span[..take]);
            _buffered += take;
            _length += take;
            buffer = buffer[take..];
            if (_buffered == PostgresAttachmentStore.ChunkSize)
            {
                await FlushChunkAsync(cancellationToken);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Synchronous writes are not expected (the edXML reader writes asynchronously); supported for completeness.</summary>
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    /// <summary>Idempotent: a call after a success returns the same reference, and a call after a failure (the UPDATE
    /// cancelled, a lost connection) completes with the same hash, computed once when the content ended.</summary>
    /// <exception cref="FileNotFoundException">The attachment row is gone: the upload took so long that
    /// <see cref="PostgresAttachmentStore.DeleteAbandonedAsync"/> removed it. A reference to it would point at nothing.</exception>
    public async Task<AttachmentReference> CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_abandoned, this);
        if (_completed is { } done)
        {
            return done;
        }

        await CloseAsync(cancellationToken);
        var sha256 = _sha256!;
        await using var command = _dataSource.CreateCommand(
            "update hub.attachments set length = @length, sha256 = @sha, completed_at = @now where id = @id");
        command.Parameters.AddWithValue("id", _id);
        command.Parameters.AddWithValue("length", _length);
        command.Parameters.AddWithValue("sha", sha256);
        command.Parameters.AddWithValue("now", _timeProvider.GetUtcNow());
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new FileNotFoundException(
                $"Attachment {_id} ({_name}) was deleted before its upload completed (abandoned uploads are removed after a while); its document must be read again.");
        }

        _completed = new AttachmentReference(_id.ToString(), _name, _contentType, _length, sha256);
        return _completed;
    }

    /// <summary>Frees the buffer; an upload never completed is deleted with its chunks.</summary>
    public async ValueTask AbandonAsync()
    {
        _abandoned = true;
        _closed = true;
        ReturnBuffer();
        if (_completed is null && _rowWritten)
        {
            // Abandoned (the document failed to parse part-way): its chunks are of no use to anyone.
            await using var command = _dataSource.CreateCommand("delete from hub.attachments where id = @id");
            command.Parameters.AddWithValue("id", _id);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            _rowWritten = false;
        }

        _hash.Dispose();
    }

    /// <summary>Ends the content: writes what is buffered (and the attachment row, for empty content) and gives the
    /// buffer back. The upload stays incomplete until <see cref="CompleteAsync"/>.</summary>
    public override async ValueTask DisposeAsync()
    {
        await CloseAsync(CancellationToken.None);
        GC.SuppressFinalize(this);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Synchronous disposal is not expected (the edXML reader disposes asynchronously); supported for completeness.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <summary>Idempotent; a failed write leaves the buffer in place, so a retry (or CompleteAsync) writes it again.</summary>
    private async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return;
        }

        if (_buffered > 0 || !_rowWritten)
        {
            await FlushChunkAsync(cancellationToken);
        }

        // The hash is taken once, here: GetHashAndReset again would give the SHA-256 of nothing.
        _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        _closed = true;
        ReturnBuffer();
    }

    private async Task FlushChunkAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        if (!_rowWritten)
        {
            var row = new NpgsqlBatchCommand("insert into hub.attachments (id, name, content_type, created_at) values (@id, @name, @type, @now)");
            row.Parameters.AddWithValue("id", _id);
            row.Parameters.AddWithValue("name", _name);
            row.Parameters.AddWithValue("type", _contentType);
            row.Parameters.AddWithValue("now", _timeProvider.GetUtcNow());
            batch.BatchCommands.Add(row);
        }

        if (_buffered > 0)
        {
            var chunk = new NpgsqlBatchCommand("insert into hub.attachment_chunks (attachment_id, chunk_index, data) values (@id, @index, @data)");
            chunk.Parameters.AddWithValue("id", _id);
            chunk.Parameters.AddWithValue("index", _chunks);
            chunk.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>("data", NpgsqlDbType.Bytea) { TypedValue = _buffer!.AsMemory(0, _buffered) });
            batch.BatchCommands.Add(chunk);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        _rowWritten = true;
        _chunks += _buffered > 0 ? 1 : 0;
        _buffered = 0;
    }

    private void ReturnBuffer()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
