namespace IntegrationHub.Contracts;

/// <summary>The hub's store of large binary content (e-document attachments), kept out of message payloads: a source
/// connector streams content in and puts only <see cref="AttachmentReference"/>s in its records; a destination streams
/// it back out. Content is streamed in bounded chunks both ways, never held whole in memory.</summary>
public interface IAttachmentStore
{
    /// <summary>Starts storing a new attachment. Write the content to <see cref="IAttachmentUpload.Content"/>, then
    /// call <see cref="IAttachmentUpload.CompleteAsync"/>; an upload disposed without completing is discarded.</summary>
    IAttachmentUpload BeginUpload(string name, string contentType);

    /// <summary>A read-only stream over a completed attachment, opened lazily (nothing is read before the first
    /// read). It fails with <see cref="InvalidDataException"/> if the content read back is not the length and SHA-256
    /// of <paramref name="reference"/>, and with <see cref="FileNotFoundException"/> if there is no such attachment.</summary>
    Stream OpenRead(AttachmentReference reference);
}
