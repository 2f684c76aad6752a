using IntegrationHub.Contracts.Privacy;

namespace IntegrationHub.Host.Inbound;

/// <summary>Every message of a routing batch (more than one) failed on its own in the hub's code: a defect, not bad
/// messages, so none is parked; the batch goes back on the queue and routing pauses. Its text is masked (the hub's
/// exception may quote a record), so it can be logged.</summary>
public sealed class InboxRoutingDefectException(int batchSize, Exception example)
    : Exception(
        $"all {batchSize} messages of a batch failed in the hub's code ({example.GetType().Name}: {PersonalDataMask.MaskText(example.Message)}); the batch is back on the queue, nothing was parked",
        MaskedException.Guard(example))
{
    public int BatchSize { get; } = batchSize;
}
