using System.Collections.Concurrent;
using System.Security.Cryptography;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.TestKit;

/// <summary>An <see cref="IAttachmentStore"/> over temp files, for connector tests without the host's PostgreSQL store.
/// It keeps the contract as strictly as the real store, so connector tests catch what the real store would: reads open
/// lazily and check length and SHA-256 at the end (<see cref="InvalidDataException"/>) or fail for an attachment not
/// completed (<see cref="FileNotFoundException"/>); the content sink is write-only and, once disposed, takes no more
/// writes but leaves the upload to complete; an upload disposed without completing is discarded.</summary>
public sealed class FileAttachmentStore : IAttachmentStore, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attachments-test-").FullName;
    private readonly ConcurrentDictionary<string, AttachmentReference> _readable = new();
    private int _completed;
    private int _pending;
    private int _discarded;

    /// <summary>Uploads completed.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Uploads begun and neither completed nor discarded: a leak, once the code under test is done.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Uploads disposed without completing (their content deleted).</summary>
    public int Discarded => Volatile.Read(ref _discarded);

    public IAttachmentUpload BeginUpload(string name, string contentType)
    {
        Interlocked.Increment(ref _pending);
        return new FileAttachmentUpload(this, Guid.NewGuid().ToString("N"), name, contentType);
    }

    public Stream OpenRead(AttachmentReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new FileAttachmentReadStream(this, reference);
    }

    /// <summary>An attachment already in the store (as a source connector would have left it).</summary>
    public AttachmentReference Put(string name, byte[] content)
    {
        var id = Guid.NewGuid().ToString("N");
        File.WriteAllBytes(PathOf(id), content);
        var reference = new AttachmentReference(id, name, "application/pdf", content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
        _readable[id] = reference;
        return reference;
    }

    public string Sha256Of(string id)
    {
        using var file = File.OpenRead(PathOf(id));
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>Changes a stored attachment's bytes behind its reference's back, as corruption would.</summary>
    public void Tamper(AttachmentReference reference) => File.AppendAllText(PathOf(reference.Id), "!");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal string PathOf(string id) => Path.Combine(_folder, id);

    internal bool IsReadable(string id) => _readable.ContainsKey(id);

    internal void MarkCompleted(AttachmentReference reference)
    {
        _readable[reference.Id] = reference;
        Interlocked.Increment(ref _completed);
        Interlocked.Decrement(ref _pending);
    }

    internal void MarkDiscarded(string id)
    {
        File.Delete(PathOf(id));
        Interlocked.Increment(ref _discarded);
        Interlocked.Decrement(ref _pending);
    }
}
