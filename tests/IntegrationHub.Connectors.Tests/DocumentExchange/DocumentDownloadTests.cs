using System.Text;
using System.Text.RegularExpressions;
using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>Reading an envelope into the attachment store: when it is rejected part-way, the reason surfaces even if
/// discarding the uploads already begun fails too (a cleanup in a finally used to replace it).</summary>
public sealed class DocumentDownloadTests
{
    [Fact]
    public async Task A_rejected_envelope_reports_its_edxml_error_even_when_discarding_its_uploads_fails()
    {
        using var files = new FileAttachmentStore();
        var xml = Regex.Replace(await EdXmlSamples.XmlAsync(3), "(<Attachment ContentId=\"att-1\">)[^<]*", "${1}!!!! not base64");

        var error = await Assert.ThrowsAsync<EdXmlException>(() =>
            new DocumentDownload(new DiscardFailingStore(files)).ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), CancellationToken.None));

        Assert.Equal(EdXmlErrorCodes.BadBase64, error.Code);
        Assert.Equal((0, 0, 2), (files.Completed, files.Pending, files.Discarded));
    }

    /// <summary>Uploads that fail to be discarded, as when the database is unreachable.</summary>
    private sealed class DiscardFailingStore(IAttachmentStore inner) : IAttachmentStore
    {
        public IAttachmentUpload BeginUpload(string name, string contentType) => new Upload(inner.BeginUpload(name, contentType));

        public Stream OpenRead(AttachmentReference reference) => inner.OpenRead(reference);

        private sealed class Upload(IAttachmentUpload inner) : IAttachmentUpload
        {
            public Stream Content => inner.Content;

            public Task<AttachmentReference> CompleteAsync(CancellationToken cancellationToken) => inner.CompleteAsync(cancellationToken);

            public async ValueTask DisposeAsync()
            {
                await inner.DisposeAsync();
                throw new InvalidOperationException("The attachment store is unreachable.");
            }
        }
    }
}
