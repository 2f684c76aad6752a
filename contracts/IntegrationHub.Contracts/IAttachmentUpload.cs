namespace IntegrationHub.Contracts;

/// <summary>One attachment being written to the <see cref="IAttachmentStore"/>.</summary>
public interface IAttachmentUpload : IAsyncDisposable
{
    /// <summary>Write-only; disposing it flushes what was written but does not complete the upload.</summary>
    Stream Content { get; }

    /// <summary>Makes the attachment durable and readable; returns its reference with the length and SHA-256 written.
    /// May be called again (after a failure, or after success: the same reference). Fails with
    /// <see cref="FileNotFoundException"/> if the store discarded the upload meanwhile (left incomplete too long).</summary>
    Task<AttachmentReference> CompleteAsync(CancellationToken cancellationToken);
}
