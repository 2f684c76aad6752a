using IntegrationHub.Connectors.NationalPortal.Client;
using IntegrationHub.Connectors.NationalPortal.Mapping;
using IntegrationHub.Connectors.NationalPortal.Protocol;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.NationalPortal.Writing;

/// <summary>Writes processing steps with CapNhatTienDoHoSoMC, up to ten per call, in batch order, reading the portal's
/// answer per step. Once a dossier's step fails transiently (typically: the portal does not have the dossier yet),
/// that dossier's later steps in the batch are held back so they cannot overtake it. When every step of the batch is of
/// a different dossier (the hub sends one message per record at a time), the chunks go out in parallel.</summary>
internal sealed class ProgressWriter(NationalPortalSession session, ProgressMapper mapper, int maxParallelCalls)
{
    private const string Service = NationalPortalProtocol.PushProgressService;

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        var failures = new ConnectorFailure?[batch.Count];
        var pending = new List<(int Index, DvcqgProgress Step)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (mapper.TryMap(batch[i].Payload, out var step, out var problem))
            {
                pending.Add((i, step with { IdempotencyKey = batch[i].IdempotencyKey }));
            }
            else
            {
                failures[i] = WriteFailures.Mapping(problem);
            }
        }

        if (maxParallelCalls > 1 && pending.Select(p => p.Step.MaHoSo).Distinct(StringComparer.Ordinal).Count() == pending.Count)
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelCalls, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(pending.Chunk(NationalPortalProtocol.MaxProgressPerCall), parallel, async (chunk, token) =>
                await SendChunkAsync([.. chunk], failures, new Dictionary<string, ConnectorFailure>(StringComparer.Ordinal), token).ConfigureAwait(false)).ConfigureAwait(false);
            return Outcomes(batch, failures);
        }

        var blocked = new Dictionary<string, ConnectorFailure>(StringComparer.Ordinal);
        var next = 0;
        while (next < pending.Count)
        {
            var chunk = new List<(int Index, DvcqgProgress Step)>(NationalPortalProtocol.MaxProgressPerCall);
            while (chunk.Count < NationalPortalProtocol.MaxProgressPerCall && next < pending.Count)
            {
                var (index, step) = pending[next++];
                if (blocked.TryGetValue(step.MaHoSo, out var earlier))
                {
                    failures[index] = WriteFailures.HeldForOrder(step.MaHoSo, earlier);
                }
                else
                {
                    chunk.Add((index, step));
                }
            }

            if (chunk.Count > 0)
            {
                await SendChunkAsync(chunk, failures, blocked, cancellationToken).ConfigureAwait(false);
            }
        }

        return Outcomes(batch, failures);
    }

    private static IReadOnlyList<WriteOutcome> Outcomes(IReadOnlyList<OutboundMessage> batch, ConnectorFailure?[] failures) =>
        [.. batch.Select((message, i) => failures[i] is { } failure
            ? WriteOutcome.Failed(message.MessageId, failure)
            : WriteOutcome.Success(message.MessageId))];

    private async Task SendChunkAsync(
        List<(int Index, DvcqgProgress Step)> chunk,
        ConnectorFailure?[] failures,
        Dictionary<string, ConnectorFailure> blocked,
        CancellationToken cancellationToken)
    {
        var items = chunk.Select(entry => (object)entry.Step).ToList();
        var subject = $"{chunk.Count} steps from {chunk[0].Step.MaHoSo}";
        var reply = await session.SendAsync(Service, false, items, subject, cancellationToken).ConfigureAwait(false);
        var results = reply.ItemResults(Service, chunk.Count);
        if (results is null && reply.Succeeded)
        {
            throw PortalReply.Malformed(Service, "the reply has no result per step", null);
        }

        for (var i = 0; i < chunk.Count; i++)
        {
            var (index, step) = chunk[i];

            // No per-step results: the portal refused the call as a whole, and every step with it.
            var answer = results is null ? PortalAnswer.Of(reply) : PortalAnswer.Of(results[i]);
            var failure = Classify(step, answer);
            failures[index] = failure;
            if (failure is { Kind: FailureKind.Transient })
            {
                blocked.TryAdd(step.MaHoSo, failure);
            }
        }
    }

    private static ConnectorFailure? Classify(DvcqgProgress step, PortalAnswer answer)
    {
        var subject = $"{Service} {step.MaHoSo} step {step.Stt}";
        return answer.Code switch
        {
            NationalPortalProtocol.Success => null,
            NationalPortalProtocol.DossierNotFound => WriteFailures.DossierNotSynced(subject, step.MaHoSo, answer),
            _ => WriteFailures.Rejected(Service, $"{step.MaHoSo} step {step.Stt}", answer),
        };
    }
}
