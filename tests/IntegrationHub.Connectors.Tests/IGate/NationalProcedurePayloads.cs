using System.Text.Json;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>National-portal procedure records as the hub hands them to iGate.</summary>
internal static class NationalProcedurePayloads
{
    public static string Code(int number) => $"1.{number:D6}.000.00.00.H56";

    /// <summary>A procedure in the shape the national portal's LayThuTuc returns (lists of objects).</summary>
    public static string Procedure(string code, string? name = "Đăng ký khai sinh") => JsonSerializer.Serialize(new
    {
        MATTHC = code,
        TENTTHC = name,
        CAPTHUCHIEN = "Cấp xã",
        LINHVUCTHUCHIEN = new[] { new { MALINHVUC = "G09-TP03", TENLINHVUC = "Hộ tịch" } },
        TRINHTUTHUCHIEN = new[] { new { TRINHTU = "Bước 1: Nộp hồ sơ" }, new { TRINHTU = "Bước 2: Nhận kết quả" } },
        CACHTHUCTHUCHIEN = new[] { new { KENH = "Trực tuyến", THOIGIAN = "03 ngày làm việc", MOTA = "Nộp qua Cổng DVC" } },
        THOIGIANGIAIQUYET = "03 ngày làm việc",
        PHILEPHI = new[] { new { LOAIPHILEPHI = "Lệ phí", TENPHILEPHI = "Lệ phí đăng ký khai sinh", SOTIEN = 8000, DONVITINH = "VND" } },
        THANHPHANHOSO = new[]
        {
            new { TENGIAYTO = "Tờ khai đăng ký khai sinh", SOBANCHINH = 1, SOBANSAO = 0 },
            new { TENGIAYTO = "Giấy chứng sinh", SOBANCHINH = 1, SOBANSAO = 0 },
        },
        CANCUPHAPLY = new[] { new { SOKYHIEU = "60/2014/QH13", TRICHYEU = "Luật Hộ tịch", NGAYBANHANH = "20141120000000", COQUANBANHANH = "Quốc hội" } },
        COQUANTHUCHIEN = new[] { new { MADONVI = "000.00.01.H56", TENDONVI = "Ủy ban nhân dân xã Tân Hòa" } },
    });

    /// <summary>The same fields as plain values, as other implementations send them.</summary>
    public static string FlatProcedure(string code) => JsonSerializer.Serialize(new
    {
        MaTTHC = code,
        TenTTHC = "Chứng thực bản sao",
        LINHVUCTHUCHIEN = "Chứng thực",
        TRINHTUTHUCHIEN = "Nộp và nhận tại bộ phận một cửa",
        THOIGIANGIAIQUYET = 1,
        PHILEPHI = "2000",
        CANCUPHAPLY = "Nghị định 23/2015/NĐ-CP",
        COQUANTHUCHIEN = "Phòng Tư pháp",
    });

    public static OutboundMessage Message(long id, string payload, string? idempotencyKey = null) =>
        new(id, idempotencyKey ?? $"igate:procedures:{id}", $"key-{id}", $"bk-{id}", payload, Attempt: 1);

    /// <summary>Messages 1..count, each a valid procedure with its own code.</summary>
    public static IReadOnlyList<OutboundMessage> Batch(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Message(i, Procedure(Code(i))))];
}
