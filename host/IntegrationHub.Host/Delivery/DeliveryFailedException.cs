using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;

namespace IntegrationHub.Host.Delivery;

/// <summary>A whole batch could not be delivered (counterparty down, open circuit, bad config): the job fails so
/// Hangfire retries it later and the dashboard shows why (personal ids masked: Hangfire keeps and shows the message).
/// The messages stay pending.</summary>
public sealed class DeliveryFailedException(string destination, ConnectorFailure failure, Exception innerException)
    : Exception($"Delivery to {destination} failed ({failure.Kind} {failure.Code}): {PersonalDataMask.MaskText(failure.Message)}", MaskedException.Guard(innerException))
{
    public ConnectorFailure Failure { get; } = failure;
}
