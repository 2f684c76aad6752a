using System.Security.Cryptography;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>An <see cref="IAttachmentStore"/> over temp files, for connector tests without the host's PostgreSQL store.</summary>
internal sealed class FileAttachmentStore : IAttachmentStore, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attachments-test-").FullName;

    public int Completed { get; private set; }

    public IAttachmentUpload BeginUpload(string name, string contentType) => new Upload(this, Guid.NewGuid().ToString("N"), name, contentType);

    public Stream OpenRead(AttachmentReference reference) => File.OpenRead(PathOf(reference.Id));

    public AttachmentReference Put(string name, byte[] content)
    {
        var id = Guid.NewGuid().ToString("N");
        File.WriteAllBytes(PathOf(id), content);
        return new AttachmentReference(id, name, "application/pdf", content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    public string Sha256Of(string id)
    {
        using var file = File.OpenRead(PathOf(id));
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string id) => Path.Combine(_folder, id);

    private sealed class Upload(FileAttachmentStore store, string id, string name, string contentType) : IAttachmentUpload
    {
        private readonly FileStream _file = File.Create(store.PathOf(id));

        public Stream Content => _file;

        public async Task<AttachmentReference> CompleteAsync(CancellationToken cancellationToken)
        {
            await _file.DisposeAsync();
            store.Completed++;
            return new AttachmentReference(id, name, contentType, new FileInfo(store.PathOf(id)).Length, store.Sha256Of(id));
        }

        public ValueTask DisposeAsync() => _file.DisposeAsync();
    }
}
