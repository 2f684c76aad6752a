namespace IntegrationHub.Connectors.PaymentPlatform.Sandbox;

/// <summary>The daily statement: every settled payment whose ThoiGianGD is on the day, then the edits a
/// reconciliation test planted (a line the hub never saw, a paid payment left out, a changed amount or status).
/// Thread-safe behind one lock.</summary>
internal sealed class SandboxStatement(SandboxPaymentStore store)
{
    private readonly Lock _lock = new();
    private readonly List<PaymentStatementLine> _planted = [];
    private readonly HashSet<string> _dropped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _amounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaymentStatus> _statuses = new(StringComparer.Ordinal);

    /// <param name="ngay">The day, yyyyMMdd in Vietnam's time.</param>
    public IReadOnlyList<PaymentStatementLine> Lines(string ngay)
    {
        var settled = store.All()
            .Where(p => p.Status != PaymentStatus.Pending)
            .Select(p => new PaymentStatementLine(p.MaThamChieu, p.MaGiaoDich, p.SoTien, p.Status, p.ThoiGianGD));
        lock (_lock)
        {
            return [.. settled
                .Where(line => !_dropped.Contains(line.MaThamChieu))
                .Select(line => line with
                {
                    SoTien = _amounts.GetValueOrDefault(line.MaThamChieu, line.SoTien),
                    TrangThaiGD = _statuses.GetValueOrDefault(line.MaThamChieu, line.TrangThaiGD),
                })
                .Concat(_planted)
                .Where(line => line.ThoiGianGD.StartsWith(ngay, StringComparison.Ordinal))
                .OrderBy(line => line.ThoiGianGD, StringComparer.Ordinal)
                .ThenBy(line => line.MaThamChieu, StringComparer.Ordinal)];
        }
    }

    public void Plant(PaymentStatementLine line)
    {
        lock (_lock)
        {
            _planted.Add(line);
        }
    }

    public void Drop(string maThamChieu)
    {
        lock (_lock)
        {
            _dropped.Add(maThamChieu);
        }
    }

    public void AlterAmount(string maThamChieu, long soTien)
    {
        lock (_lock)
        {
            _amounts[maThamChieu] = soTien;
        }
    }

    public void AlterStatus(string maThamChieu, PaymentStatus status)
    {
        lock (_lock)
        {
            _statuses[maThamChieu] = status;
        }
    }
}
