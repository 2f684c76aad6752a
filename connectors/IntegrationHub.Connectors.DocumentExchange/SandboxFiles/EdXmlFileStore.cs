namespace IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

/// <summary>A sandbox's folder of edXML envelopes: received bodies are streamed to a file and then parsed (each
/// attachment hashed, not kept), made-up documents are written to a file. Deleted with the sandbox.</summary>
public sealed class EdXmlFileStore : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("integrationhub-edxml-").FullName;
    private readonly EdXmlReader _reader = new();
    private readonly EdXmlWriter _writer = new();

    /// <summary>Stores a received body. An invalid envelope leaves nothing behind.</summary>
    /// <exception cref="EdXmlException">The envelope is rejected, with its documented code.</exception>
    public async Task<StoredEdXml> SaveAsync(Stream body, CancellationToken cancellationToken)
    {
        var path = NewPath();
        await using (var file = File.Create(path))
        {
            await body.CopyToAsync(file, 81920, cancellationToken);
        }

        return await ParseOrDeleteAsync(path, cancellationToken);
    }

    /// <summary>Writes a made-up envelope (attachments streamed from their sources) and stores it.</summary>
    public async Task<StoredEdXml> WriteAsync(EdXmlEnvelope envelope, CancellationToken cancellationToken)
    {
        var path = NewPath();
        await using (var file = File.Create(path))
        {
            await _writer.WriteAsync(envelope, file, cancellationToken);
        }

        return await ParseOrDeleteAsync(path, cancellationToken);
    }

    /// <summary>Stores raw bytes as they are, unparsed (to plant a malformed document).</summary>
    public async Task<string> SaveRawAsync(Stream body, CancellationToken cancellationToken)
    {
        var path = NewPath();
        await using var file = File.Create(path);
        await body.CopyToAsync(file, cancellationToken);
        return path;
    }

    public static Stream Open(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still being served; the temp folder is cleaned by the system later.
        }
    }

    private string NewPath() => Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".xml");

    private async Task<StoredEdXml> ParseOrDeleteAsync(string path, CancellationToken cancellationToken)
    {
        var sinks = new List<(EdXmlAttachmentInfo Info, Sha256Sink Sink)>();
        try
        {
            await using var file = Open(path);
            var envelope = await _reader.ReadAsync(file, info =>
            {
                var sink = new Sha256Sink();
                sinks.Add((info, sink));
                return sink;
            }, cancellationToken);
            return new StoredEdXml(
                path,
                envelope.Header,
                envelope.TraceHeaderList,
                [.. sinks.Select(s => new StoredAttachment(s.Info.ContentId, s.Info.AttachmentName, s.Info.ContentType, s.Sink.Written, s.Sink.Sha256))]);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
