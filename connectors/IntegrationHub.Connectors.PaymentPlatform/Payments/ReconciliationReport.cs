namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

public sealed record ReconciliationReport(long Id, DateOnly Day, DateTimeOffset StartedAt, string Trigger, IReadOnlyList<ReconciliationItem> Items)
{
    public int Count(string kind) => Items.Count(i => i.Kind == kind);

    public int Mismatches => Items.Count(i => i.IsMismatch);
}
