using IntegrationHub.Connectors.PaymentPlatform;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Matches the platform's statement of a day against the hub's payments, by MaThamChieu. A statement line
/// is compared with the hub's payment whatever day the hub settled it on, so a payment the hub dated differently
/// shows as a status or amount difference, not as missing twice.</summary>
public static class ReconciliationMatcher
{
    public static IReadOnlyList<ReconciliationItem> Match(IReadOnlyList<PaymentStatementLine> statement, IReadOnlyList<PaymentRecord> hubOnDay, IReadOnlyList<PaymentRecord> hubReferenced)
    {
        var hub = hubOnDay.Concat(hubReferenced).DistinctBy(p => p.MaThamChieu).ToDictionary(p => p.MaThamChieu, StringComparer.Ordinal);
        var items = new List<ReconciliationItem>();
        foreach (var line in statement)
        {
            var platformStatus = StatusOf(line.TrangThaiGD);
            if (!hub.TryGetValue(line.MaThamChieu, out var payment))
            {
                items.Add(new ReconciliationItem(ReconciliationItem.MissingInHub, line.MaThamChieu, null, null, line.SoTien, null, platformStatus, line.MaGiaoDich));
                continue;
            }

            var kind = payment.Status != platformStatus ? ReconciliationItem.StatusMismatch
                : payment.SoTien != line.SoTien ? ReconciliationItem.AmountMismatch
                : ReconciliationItem.Matched;
            items.Add(new ReconciliationItem(kind, line.MaThamChieu, payment.MaHoSo, payment.SoTien, line.SoTien, payment.Status, platformStatus, line.MaGiaoDich));
        }

        var listed = statement.Select(l => l.MaThamChieu).ToHashSet(StringComparer.Ordinal);
        foreach (var payment in hubOnDay.Where(p => !listed.Contains(p.MaThamChieu)))
        {
            items.Add(new ReconciliationItem(ReconciliationItem.MissingAtPlatform, payment.MaThamChieu, payment.MaHoSo, payment.SoTien, null, payment.Status, null, payment.MaGiaoDich));
        }

        return items;
    }

    private static string StatusOf(PaymentStatus status) => status switch
    {
        PaymentStatus.Success => PaymentRecord.Paid,
        PaymentStatus.Failed => PaymentRecord.Failed,
        _ => PaymentRecord.Created,
    };
}
