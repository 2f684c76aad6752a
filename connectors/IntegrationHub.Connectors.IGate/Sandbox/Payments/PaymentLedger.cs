using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;
using IntegrationHub.Connectors.IGate.Sandbox.Writes;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox.Payments;

/// <summary>Confirmed fee payments by dossier. A dossier may have several (several fees, paid apart), each recorded
/// once by its MaThamChieu: the same reference under a new idempotency key (the platform called back twice) changes
/// nothing; the same reference with other data is a conflict. Writes are counted per MaThamChieu.</summary>
internal sealed class PaymentLedger(SandboxIdempotencyBook writes, DossierStore dossiers, TimeProvider clock)
    : DossierItemBook<IGateRecordedPayment>(writes, IGateConnector.PaymentsStream, dossiers, clock)
{
    private readonly Dictionary<string, List<IGateRecordedPayment>> _byDossier = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IGateRecordedPayment> _byReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _receipts = new(StringComparer.Ordinal);

    protected override string MissingBodyMessage => "Thiếu nội dung thanh toán (payment).";

    public IReadOnlyList<IGateRecordedPayment> Of(string maHoSo)
    {
        lock (Sync)
        {
            return _byDossier.TryGetValue(maHoSo, out var payments) ? [.. payments] : [];
        }
    }

    protected override string? CodeOf(JsonObject? body) => IGateBatchRequestReader.StringOf(body?["maThamChieu"]);

    /// <summary>The receipt (biên lai) number iGate issued for the payment, e.g. <c>BL00000001</c>.</summary>
    protected override string? ReferenceOf(JsonObject? body) =>
        CodeOf(body) is { } maThamChieu ? _receipts.GetValueOrDefault(maThamChieu) : null;

    protected override IGateRecordedPayment? Read(JsonObject body, DateTimeOffset recordedAt, out string? problem) =>
        PaymentRules.Read(body, recordedAt, out problem);

    protected override string DossierOf(IGateRecordedPayment record) => record.MaHoSo;

    protected override ItemWrite Apply(IGateRecordedPayment payment)
    {
        if (_byReference.TryGetValue(payment.MaThamChieu, out var recorded))
        {
            return recorded with { RecordedAt = payment.RecordedAt } == payment
                ? ItemWrite.Applied(IGateItemStatus.Unchanged, payment.MaThamChieu)
                : ItemWrite.Rejected(
                    IGateWriteCodes.Conflict,
                    $"Mã tham chiếu '{payment.MaThamChieu}' đã được ghi nhận cho hồ sơ '{recorded.MaHoSo}' với thông tin khác.");
        }

        _byReference.Add(payment.MaThamChieu, payment);
        _receipts.Add(payment.MaThamChieu, $"BL{_receipts.Count + 1:D8}");
        if (!_byDossier.TryGetValue(payment.MaHoSo, out var payments))
        {
            _byDossier.Add(payment.MaHoSo, payments = []);
        }

        payments.Add(payment);
        return ItemWrite.Applied(IGateItemStatus.Created, payment.MaThamChieu);
    }
}
