using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;
using IntegrationHub.Connectors.IGate.Sandbox.Writes;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox.DeliveryStatuses;

/// <summary>Postal tracking events by dossier, each kept once by its event id (maSuKien): the same event under a new
/// idempotency key changes nothing. Writes are counted per MaHoSo. The real rules are not public: a dossier, a
/// tracking number, a status, an event id and a valid time.</summary>
internal sealed class DeliveryStatusBook(SandboxIdempotencyBook writes, DossierStore dossiers, TimeProvider clock)
    : DossierItemBook<IGateRecordedDeliveryStatus>(writes, IGateConnector.DeliveryStatusStream, dossiers, clock)
{
    private readonly Dictionary<string, List<IGateRecordedDeliveryStatus>> _byDossier = new(StringComparer.Ordinal);

    protected override string MissingBodyMessage => "Thiếu trạng thái bưu gửi (deliveryStatus).";

    public IReadOnlyList<IGateRecordedDeliveryStatus> Of(string maHoSo)
    {
        lock (Sync)
        {
            return _byDossier.TryGetValue(maHoSo, out var events) ? [.. events] : [];
        }
    }

    protected override string? CodeOf(JsonObject? body) => IGateBatchRequestReader.StringOf(body?["maHoSo"]);

    protected override IGateRecordedDeliveryStatus? Read(JsonObject body, DateTimeOffset recordedAt, out string? problem)
    {
        string? Text(string name) => IGateBatchRequestReader.StringOf(body[name]);
        var thoiDiem = NationalTime.Parse(Text("thoiDiem"));
        var missing = new[] { "maHoSo", "maBuuGui", "trangThai", "maSuKien" }.FirstOrDefault(name => Text(name) is null);
        problem = missing is not null ? $"Thiếu {missing}."
            : thoiDiem is null ? $"Thời điểm (thoiDiem) thiếu hoặc không đúng định dạng {NationalTime.Format}."
            : null;
        return problem is null
            ? new IGateRecordedDeliveryStatus(Text("maHoSo")!, Text("maBuuGui")!, Text("trangThai")!, thoiDiem!.Value, Text("diaDiem"), Text("maSuKien")!, recordedAt)
            : null;
    }

    protected override string DossierOf(IGateRecordedDeliveryStatus record) => record.MaHoSo;

    protected override ItemWrite Apply(IGateRecordedDeliveryStatus status)
    {
        if (!_byDossier.TryGetValue(status.MaHoSo, out var events))
        {
            _byDossier.Add(status.MaHoSo, events = []);
        }

        if (events.Any(e => e.MaSuKien == status.MaSuKien))
        {
            return ItemWrite.Applied(IGateItemStatus.Unchanged, status.MaHoSo);
        }

        events.Add(status);
        return ItemWrite.Applied(IGateItemStatus.Created, status.MaHoSo);
    }
}
