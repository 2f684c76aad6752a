namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

public sealed record ReconciliationSummary(
    long Id, DateOnly Day, DateTimeOffset StartedAt, string Trigger, int Matched, int MissingInHub, int MissingAtPlatform, int AmountMismatch, int StatusMismatch)
{
    public int Mismatches => MissingInHub + MissingAtPlatform + AmountMismatch + StatusMismatch;
}
