using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>The body of <c>POST api/v1/e-copies</c>: multipart/form-data with <c>banSao</c>, the copy's
/// <see cref="IGateECopy"/> as JSON, and <c>tep</c>, its file streamed from the attachment store. It regenerates
/// itself on every serialization, so the host's resilience handler resends it without buffering
/// (<see cref="IStreamedRequestContent"/>).</summary>
internal sealed class IGateECopyContent : MultipartFormDataContent, IStreamedRequestContent
{
    public IGateECopyContent(HttpContent details, IAttachmentStore store, AttachmentReference file)
    {
        Add(details, "banSao");
        Add(new StoredFileContent(store, file), "tep", file.Name);
    }
}
