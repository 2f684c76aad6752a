using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>Writes a batch one message per call (documents are large; each has its own idempotency key). A failure
/// about the message (refused for good, or a status whose document has not arrived yet: see
/// <see cref="EdXmlHttpFailures.IsAboutTheMessage"/>) is that message's outcome and the batch goes on; a failure that
/// is not about the message (credentials, an unavailable counterparty) stops the batch: the messages not yet delivered
/// fail with it (the whole batch, if it was the first), so the rest is not tried against a counterparty that is down.
/// Going on past a message does not reorder a record's messages: a batch holds at most one message per record.</summary>
public static class OneByOne
{
    public static async Task<IReadOnlyList<WriteOutcome>> WriteAsync(
        IReadOnlyList<OutboundMessage> batch, Func<OutboundMessage, Task<ConnectorFailure?>> write, string counterparty, string stream, ILogger logger)
    {
        var outcomes = new List<WriteOutcome>(batch.Count);
        foreach (var message in batch)
        {
            ConnectorFailure? failure;
            try
            {
                failure = await write(message).ConfigureAwait(false);
            }
            catch (ConnectorException ex) when (ex.Failure.Kind == FailureKind.Permanent)
            {
                failure = ex.Failure;
            }

            if (failure is null)
            {
                outcomes.Add(WriteOutcome.Success(message.MessageId));
                continue;
            }

            if (!EdXmlHttpFailures.IsAboutTheMessage(failure))
            {
                if (outcomes.Count == 0)
                {
                    throw new ConnectorException(failure);
                }

                // Keep what was delivered; the rest waits for the next attempt.
                outcomes.AddRange(batch.Skip(outcomes.Count).Select(m => WriteOutcome.Failed(m.MessageId, failure)));
                return outcomes;
            }

            logger.LogWarning("The {Counterparty} refused {Stream} message {MessageId} ({BusinessKey}): {Code} {Reason}",
                counterparty, stream, message.MessageId, message.BusinessKey, failure.Code, failure.Message);
            outcomes.Add(WriteOutcome.Failed(message.MessageId, failure));
        }

        return outcomes;
    }
}
