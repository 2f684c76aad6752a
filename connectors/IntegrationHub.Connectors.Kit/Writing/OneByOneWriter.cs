using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Kit;

/// <summary>
/// Writes a batch so that each message gets its own outcome and one poison message never sinks the rest:
/// <list type="bullet">
/// <item><see cref="EachAsync"/>: one call per message (documents, or a counterparty without batches). A failure about
/// the message (<see cref="IsAboutTheMessage"/>: Permanent by default) is its outcome and the batch goes on; any other
/// failure (credentials, an outage) is the counterparty's: the messages not yet delivered fail with it (it is thrown
/// when nothing was delivered), so the rest is not tried against a counterparty that is down. Going on past a message
/// does not reorder a record's messages: the host puts at most one message per record in a batch.</item>
/// <item><see cref="WithFallbackAsync"/>: the batch in one call; when the counterparty refuses that call as a whole
/// (a thrown Permanent failure), each message is sent again alone, so only the poison one ends Permanent. When every
/// message alone is refused exactly as the batch was, the refusal is the call's (a wrong address), not a message's, and
/// it is thrown as it came.</item>
/// </list>
/// </summary>
/// <param name="counterparty">Names the counterparty in log lines, e.g. "iGate".</param>
public sealed class OneByOneWriter(string counterparty, ILogger logger)
{
    /// <summary>Which failures belong to their message alone; the others stop the batch.</summary>
    public Func<ConnectorFailure, bool> IsAboutTheMessage { get; init; } = static failure => failure.Kind == FailureKind.Permanent;

    /// <param name="write">Writes one message: null when delivered, else its failure (a thrown Permanent
    /// <see cref="ConnectorException"/> counts as the message's failure too).</param>
    /// <exception cref="ConnectorException">The first message failed with a failure not about it.</exception>
    public Task<IReadOnlyList<WriteOutcome>> EachAsync(
        string stream, IReadOnlyList<OutboundMessage> batch, Func<OutboundMessage, Task<ConnectorFailure?>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return EachAsync(stream, batch, async (OutboundMessage message) =>
            await write(message).ConfigureAwait(false) is { } failure ? WriteOutcome.Failed(message.MessageId, failure) : WriteOutcome.Success(message.MessageId));
    }

    /// <summary>As above, for a counterparty that answers more than "done": <paramref name="write"/> gives the
    /// message's whole outcome, so a delivered one keeps its reference (a tracking number) and a skipped one its reason.</summary>
    /// <exception cref="ConnectorException">The first message failed with a failure not about it.</exception>
    public async Task<IReadOnlyList<WriteOutcome>> EachAsync(
        string stream, IReadOnlyList<OutboundMessage> batch, Func<OutboundMessage, Task<WriteOutcome>> write)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(write);
        var outcomes = new List<WriteOutcome>(batch.Count);
        foreach (var message in batch)
        {
            WriteOutcome outcome;
            try
            {
                outcome = await write(message).ConfigureAwait(false);
            }
            catch (ConnectorException exception) when (exception.Failure.Kind == FailureKind.Permanent)
            {
                outcome = WriteOutcome.Failed(message.MessageId, exception.Failure);
            }

            if (outcome.Failure is not { } failure)
            {
                outcomes.Add(outcome);
                continue;
            }

            if (!IsAboutTheMessage(failure))
            {
                if (outcomes.Count == 0)
                {
                    throw new ConnectorException(failure);
                }

                // Keep what was delivered; the rest waits for the next attempt.
                outcomes.AddRange(batch.Skip(outcomes.Count).Select(m => WriteOutcome.Failed(m.MessageId, failure)));
                return outcomes;
            }

            logger.LogWarning("{Counterparty} refused {Stream} message {MessageId} ({BusinessKey}): {Kind} {Code} {Reason}",
                counterparty, stream, message.MessageId, message.BusinessKey, failure.Kind, failure.Code, failure.Message);
            outcomes.Add(WriteOutcome.Failed(message.MessageId, failure));
        }

        return outcomes;
    }

    /// <param name="writeBatch">Writes messages in one call: one outcome per message, or a thrown
    /// <see cref="ConnectorException"/> when the call failed as a whole.</param>
    public async Task<IReadOnlyList<WriteOutcome>> WithFallbackAsync(
        string stream, IReadOnlyList<OutboundMessage> batch, Func<IReadOnlyList<OutboundMessage>, Task<IReadOnlyList<WriteOutcome>>> writeBatch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(writeBatch);
        try
        {
            return await writeBatch(batch).ConfigureAwait(false);
        }
        catch (ConnectorException refusal) when (refusal.Failure.Kind == FailureKind.Permanent && batch.Count > 1)
        {
            logger.LogWarning("{Counterparty} refused a {Stream} batch of {Count} as a whole ({Code}); sending its messages one by one",
                counterparty, stream, batch.Count, refusal.Failure.Code);
            // The whole outcome of a message sent alone is kept, its reference included.
            var outcomes = await EachAsync(stream, batch, async (OutboundMessage message) =>
                (await writeBatch([message]).ConfigureAwait(false)).FirstOrDefault(o => o.MessageId == message.MessageId)
                    ?? WriteOutcome.Failed(message.MessageId, new ConnectorFailure(FailureKind.Transient, refusal.Failure.Code, $"{counterparty} gave no outcome for the message sent alone.")))
                .ConfigureAwait(false);
            if (outcomes.All(o => o.Failure is { Kind: FailureKind.Permanent } failure && failure.Code == refusal.Failure.Code))
            {
                throw new ConnectorException(refusal.Failure, refusal);
            }

            return outcomes;
        }
    }
}
