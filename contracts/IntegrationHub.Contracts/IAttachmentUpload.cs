namespace IntegrationHub.Contracts;

/// <summary>One attachment being written to the <see cref="IAttachmentStore"/>.</summary>
public interface IAttachmentUpload : IAsyncDisposable
{
    /// <summary>Write-only; disposing it flushes what was written but does not complete the upload.</summary>
    Stream Content { get; }

    /// <summary>Makes the attachment durable and readable; returns its reference with the length and SHA-256 written.</summary>
    Task<AttachmentReference> CompleteAsync(CancellationToken cancellationToken);
}
