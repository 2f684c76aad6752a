using IntegrationHub.Connectors.NationalPortal.Client;
using IntegrationHub.Connectors.NationalPortal.Mapping;
using IntegrationHub.Connectors.NationalPortal.Protocol;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.NationalPortal.Writing;

/// <summary>Writes dossiers: per message, TraCuuHoSo to learn whether the portal has the dossier, then DongBoHoSoMC
/// with isUpdating accordingly. Different dossiers go in parallel; one dossier's messages go one after another in
/// batch order, and stop at the first transient failure so a later version never overtakes an earlier one.</summary>
internal sealed class DossiersWriter(NationalPortalSession session, DossierMapper mapper, int maxParallel, ILogger logger)
{
    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        var failures = new ConnectorFailure?[batch.Count];
        var lanes = new Dictionary<string, List<(int Index, DvcqgDossier Dossier)>>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            if (!mapper.TryMap(batch[i].Payload, out var dossier, out var problem))
            {
                failures[i] = WriteFailures.Mapping(problem);
                continue;
            }

            var keyed = dossier with { IdempotencyKey = batch[i].IdempotencyKey };
            if (!lanes.TryGetValue(keyed.MaHoSo, out var lane))
            {
                lanes[keyed.MaHoSo] = lane = [];
            }

            lane.Add((i, keyed));
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(lanes.Values, parallel, async (lane, token) =>
        {
            ConnectorFailure? blocking = null;
            foreach (var (index, dossier) in lane)
            {
                // Each index belongs to one lane, so lanes never write the same slot.
                failures[index] = blocking is null
                    ? await SendAsync(dossier, token).ConfigureAwait(false)
                    : WriteFailures.HeldForOrder(dossier.MaHoSo, blocking);
                blocking ??= failures[index] is { Kind: FailureKind.Transient } failure ? failure : null;
            }
        }).ConfigureAwait(false);

        return [.. batch.Select((message, i) => failures[i] is { } failure
            ? WriteOutcome.Failed(message.MessageId, failure)
            : WriteOutcome.Success(message.MessageId))];
    }

    /// <returns>Null when the portal accepted the dossier (or had already applied this key).</returns>
    private async Task<ConnectorFailure?> SendAsync(DvcqgDossier dossier, CancellationToken cancellationToken)
    {
        const string lookupService = NationalPortalProtocol.LookupDossierService;
        const string pushService = NationalPortalProtocol.PushDossierService;
        var lookupItem = new Dictionary<string, object?> { ["mahoso"] = dossier.MaHoSo };
        var lookup = await session.SendAsync(lookupService, false, [lookupItem], dossier.MaHoSo, cancellationToken).ConfigureAwait(false);
        if (!lookup.Succeeded && lookup.ErrorCode != NationalPortalProtocol.DossierNotFound)
        {
            return WriteFailures.Rejected(lookupService, dossier.MaHoSo, PortalAnswer.Of(lookup));
        }

        var isUpdating = lookup.Succeeded;
        var reply = await session.SendAsync(pushService, isUpdating, [dossier], dossier.MaHoSo, cancellationToken).ConfigureAwait(false);
        if (!isUpdating && reply.AlreadyExists)
        {
            // Created in the meantime (another channel, or an earlier attempt whose answer was lost): update it instead.
            NationalPortalLog.DossierAlreadyExisted(logger, dossier.MaHoSo);
            isUpdating = true;
            reply = await session.SendAsync(pushService, isUpdating, [dossier], dossier.MaHoSo, cancellationToken).ConfigureAwait(false);
        }

        if (reply.Succeeded)
        {
            return null;
        }

        // Found by the lookup, gone at the update: the portal is in flux, so look again on the next attempt.
        return isUpdating && reply.ErrorCode == NationalPortalProtocol.DossierNotFound
            ? WriteFailures.Transient(pushService, dossier.MaHoSo, PortalAnswer.Of(reply))
            : WriteFailures.Rejected(pushService, dossier.MaHoSo, PortalAnswer.Of(reply));
    }
}
