using System.Text.Json;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>Confirmed payments and evaluations as the hub hands them to iGate.</summary>
internal static class HubWritePayloads
{
    public const string PaidAt = "20261128093015";
    public const string EvaluatedAt = "20261130141500";

    public static string Payment(string maHoSo, string maThamChieu, long soTien = 150_000, string? maGiaoDich = null) => JsonSerializer.Serialize(new
    {
        MaHoSo = maHoSo,
        MaThamChieu = maThamChieu,
        SoTien = soTien,
        MaGiaoDich = maGiaoDich ?? $"GD-{maThamChieu}",
        MaNganHang = "970436",
        ThoiGianThanhToan = PaidAt,
    });

    public static string Evaluation(string maHoSo, int diem = 5, string thoiGian = EvaluatedAt) => JsonSerializer.Serialize(new
    {
        MaHoSo = maHoSo,
        DiemDanhGia = diem,
        NoiDungDanhGia = "Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn.",
        ThoiGianDanhGia = thoiGian,
    });

    public static OutboundMessage PaymentMessage(long id, string payload, string? idempotencyKey = null) =>
        new(id, idempotencyKey ?? $"igate:payments:{id}", $"ref-{id}", $"bk-{id}", payload, Attempt: 1);

    public static OutboundMessage EvaluationMessage(long id, string payload, string? idempotencyKey = null) =>
        new(id, idempotencyKey ?? $"igate:evaluations:{id}", $"key-{id}", $"bk-{id}", payload, Attempt: 1);

    public static string Reference(int number) => $"TT{number:D10}";

    /// <summary>One payment per dossier, message i paying dossier i-1 under reference <see cref="Reference"/>(i).</summary>
    public static IReadOnlyList<OutboundMessage> Payments(IReadOnlyList<string> dossiers) =>
        [.. dossiers.Select((maHoSo, i) => PaymentMessage(i + 1, Payment(maHoSo, Reference(i + 1))))];

    /// <summary>One evaluation per dossier.</summary>
    public static IReadOnlyList<OutboundMessage> Evaluations(IReadOnlyList<string> dossiers) =>
        [.. dossiers.Select((maHoSo, i) => EvaluationMessage(i + 1, Evaluation(maHoSo, diem: (i % 5) + 1)))];

    /// <summary><paramref name="count"/> new dossiers in the rig's sandbox.</summary>
    public static IReadOnlyList<string> Dossiers(IGateTestRig rig, int count) => rig.Sandbox.Dossiers.Generate(count, 0);
}
