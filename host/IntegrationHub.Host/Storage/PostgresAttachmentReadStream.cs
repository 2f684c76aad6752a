using System.Data;
using System.Security.Cryptography;
using IntegrationHub.Contracts;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Reads an attachment's chunks in order through one sequential-access query, straight from the connection's
/// buffer into the caller's (no chunk is materialised), checking length and SHA-256 against the reference at the end.
/// Opens lazily: the edXML writer asks for the stream synchronously and reads it asynchronously.</summary>
internal sealed class PostgresAttachmentReadStream(NpgsqlDataSource dataSource, Guid id, AttachmentReference reference) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _command;
    private NpgsqlDataReader? _reader;
    private Stream? _chunk;
    private long _position;
    private bool _finished;
    private bool _released;

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

        _reader ??= await OpenAsync(cancellationToken);
        while (true)
        {
            if (_chunk is null)
            {
                if (!await _reader.ReadAsync(cancellationToken))
                {
                    Finish();
                    return 0;
                }

                _chunk = _reader.GetStream(0);
            }

            var read = await _chunk.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                _hash.AppendData(buffer.Span[..read]);
                _position += read;
                if (_position > reference.Length)
                {
                    throw Mismatch($"is longer than the {reference.Length} bytes of its reference");
                }

                return read;
            }

            await _chunk.DisposeAsync();
            _chunk = null;
        }
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

    public override async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReleaseAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private async ValueTask ReleaseAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        if (_chunk is not null)
        {
            await _chunk.DisposeAsync();
        }

        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }

        if (_command is not null)
        {
            await _command.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _hash.Dispose();
    }

    private async Task<NpgsqlDataReader> OpenAsync(CancellationToken cancellationToken)
    {
        _connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("select 1 from hub.attachments where id = @id and completed_at is not null", _connection))
        {
            exists.Parameters.AddWithValue("id", id);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                throw new FileNotFoundException($"Attachment {id} ({reference.Name}) is not in the hub's attachment store.");
            }
        }

        _command = new NpgsqlCommand("select data from hub.attachment_chunks where attachment_id = @id order by chunk_index", _connection);
        _command.Parameters.AddWithValue("id", id);
        return await _command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
    }

    private void Finish()
    {
        _finished = true;
        var sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        if (_position != reference.Length || !string.Equals(sha256, reference.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Mismatch($"read back as {_position} bytes with SHA-256 {sha256}, not {reference.Length} bytes with {reference.Sha256}");
        }
    }

    private InvalidDataException Mismatch(string what) => new($"Attachment {id} ({reference.Name}) {what}.");
}
