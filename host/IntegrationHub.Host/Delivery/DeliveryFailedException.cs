using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Delivery;

/// <summary>A whole batch could not be delivered (counterparty down, open circuit, bad config): the job fails so
/// Hangfire retries it later and the dashboard shows why. The messages stay pending.</summary>
public sealed class DeliveryFailedException(string destination, ConnectorFailure failure, Exception innerException)
    : Exception($"Delivery to {destination} failed ({failure.Kind} {failure.Code}): {failure.Message}", innerException)
{
    public ConnectorFailure Failure { get; } = failure;
}
