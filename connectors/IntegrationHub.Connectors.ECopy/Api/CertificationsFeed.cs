using System.Globalization;
using System.Text.Json;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.ECopy.Api;

/// <summary>The certificates for the kit's keyset reader, after a sequence number: each copy's file streamed from the
/// service into the attachment store (never held whole) and checked against the length and SHA-256 its certificate
/// states (a copy that does not match is set aside through the record's Problem), then the record (key and business key the certificate number, version "1": a certificate never changes)
/// with its own checkpoint, so a run stopped after a large file does not fetch it again.</summary>
internal sealed class CertificationsFeed(CounterpartyHttpClient api, IAttachmentStore attachments, ECopyOptions options)
    : IKeysetFeed<ECopyCertificate, SequenceCursor>
{
    public string Stream => ECopyConnector.CertificationsStream;

    public bool CheckpointEachItem => true;

    public async Task<KeysetPage<ECopyCertificate>> FetchAsync(SequenceCursor? after, CancellationToken cancellationToken)
    {
        var page = await api.GetJsonAsync<ECopyWire.Page>(ECopyUrls.Certifications, [
            new("after", (after?.Seq ?? 0).ToString(CultureInfo.InvariantCulture)),
            new("limit", options.PageSize.ToString(CultureInfo.InvariantCulture))], cancellationToken).ConfigureAwait(false);
        return new KeysetPage<ECopyCertificate>(page.Items ?? throw new ConnectorException(api.Failures.Malformed("no \"items\" array")), page.HasMore);
    }

    public async ValueTask<SourceRecord?> ToRecordAsync(ECopyCertificate item, CancellationToken cancellationToken)
    {
        var file = await DownloadAsync(item, cancellationToken).ConfigureAwait(false);
        var payload = new ECopyPayload(item.SoChungThuc, item.CanBoChungThuc, item.ThoiDiemChungThuc, item.LoaiGiayTo, item.SoDinhDanh, file);

        // Bytes its own certificate does not vouch for: this copy is set aside (a dead letter saying why), the rest read on.
        var mismatch = file.Length == item.Tep.KichThuoc && string.Equals(file.Sha256, item.Tep.Sha256, StringComparison.OrdinalIgnoreCase) ? null
            : $"ECOPY-FILE-MISMATCH: the copy of certificate {item.SoChungThuc} is {file.Length} bytes with SHA-256 {file.Sha256}; the certificate states {item.Tep.KichThuoc} bytes with {item.Tep.Sha256}.";
        return new SourceRecord(item.SoChungThuc, JsonSerializer.Serialize(payload, JsonSerializerOptions.Web), item.SoChungThuc, "1") { Problem = mismatch };
    }

    public SequenceCursor CursorOf(ECopyCertificate item) => new(item.Seq);

    private async Task<AttachmentReference> DownloadAsync(ECopyCertificate item, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.DownloadTimeout);
        try
        {
            using var request = api.NewRequest(HttpMethod.Get, ECopyUrls.FileOf(item.SoChungThuc));
            using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            await using var upload = attachments.BeginUpload(item.Tep.Ten, item.Tep.Loai);
            await using (var body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false))
            {
                await body.CopyToAsync(upload.Content, deadline.Token).ConfigureAwait(false);
            }

            return await upload.CompleteAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is IOException or HttpRequestException or OperationCanceledException)
        {
            // A body broken or stalled mid-way: the next run fetches the copy again.
            throw new ConnectorException(api.Failures.FromException(exception), exception);
        }
    }
}
