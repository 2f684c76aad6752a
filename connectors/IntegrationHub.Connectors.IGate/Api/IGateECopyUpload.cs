using IntegrationHub.Connectors.IGate.Mapping;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>Sends one certified copy to iGate (<c>POST api/v1/e-copies</c>, see <see cref="IGateECopy"/>): 201 when
/// recorded, 200 when iGate had it already; 422 (refused: a personal id, a file that does not match) is Permanent.</summary>
internal static class IGateECopyUpload
{
    /// <returns>Null when iGate has the copy; else the failure.</returns>
    public static async Task<ConnectorFailure?> SendAsync(CounterpartyHttpClient api, IAttachmentStore store, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (HubECopyMapper.TryMap(message.IdempotencyKey, message.Payload, out var problem) is not { } mapped)
        {
            return new ConnectorFailure(FailureKind.Permanent, "IGATE-MAPPING", $"Cannot map message to an iGate e-copy: {problem}.");
        }

        using var request = api.NewRequest(HttpMethod.Post, IGateUrls.ECopies);
        request.Content = new IGateECopyContent(api.JsonContent(mapped.Copy), store, mapped.File);
        try
        {
            using var _ = await api.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ConnectorException exception) when (exception.GetBaseException() is FileNotFoundException or InvalidDataException)
        {
            // The store lost the copy or it no longer matches its SHA-256: no retry brings it back.
            return new ConnectorFailure(FailureKind.Permanent, "IGATE-ECOPY-FILE", $"The file of e-copy {mapped.Copy.SoChungThuc} cannot be read from the hub's attachment store: {exception.GetBaseException().Message}");
        }
        catch (ConnectorException exception)
        {
            return exception.Failure;
        }
    }
}
