using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.PaymentPlatform.Client;

namespace IntegrationHub.Connectors.PaymentPlatform.Sandbox;

/// <summary>The platform's side of INIT, QUERY, GET_BILL and the statement. Every protocol answer is HTTP 200 with
/// <c>{MaLoi, MoTaLoi, ...}</c> (the platform's shape); only a body that is not JSON at all gets HTTP 400. Checks run
/// in this order: fields (01), partner code (03), hash (02), then the business rules (04, 05, 06).</summary>
internal sealed class SandboxProtocol(PaymentPlatformSandboxOptions options, SandboxPaymentStore store, SandboxStatement statement)
{
    /// <summary>Raised after a new payment is stored (the auto-pay demo listens).</summary>
    public event Action<string>? Created;

    public PaymentReply Handle(JsonObject body, Func<string, string> payUrl)
    {
        var loaiBanTin = body["LoaiBanTin"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        try
        {
            return loaiBanTin switch
            {
                PaymentMessageTypes.Init => Init(body.Deserialize<PaymentInitMessage>(PaymentJson.Options)!, payUrl),
                PaymentMessageTypes.Query or PaymentMessageTypes.GetBill => Lookup(body.Deserialize<PaymentQueryMessage>(PaymentJson.Options)!),
                _ => Error(PaymentErrorCodes.InvalidField, $"LoaiBanTin '{loaiBanTin}' is not INIT, QUERY or GET_BILL."),
            };
        }
        catch (JsonException ex)
        {
            return Error(PaymentErrorCodes.InvalidField, $"The message cannot be read: {ex.Message}");
        }
    }

    public PaymentStatementReply Statement(string? phienBan, string? maDoiTac, string? ngay, string? maXacThuc)
    {
        if (string.IsNullOrWhiteSpace(phienBan) || !PaymentTime.TryParseDay(ngay, out _) || string.IsNullOrWhiteSpace(maXacThuc))
        {
            return new PaymentStatementReply { MaLoi = PaymentErrorCodes.InvalidField, MoTaLoi = "PhienBan, Ngay (yyyyMMdd) and MaXacThuc are required." };
        }

        if (maDoiTac != options.MaDoiTac)
        {
            return new PaymentStatementReply { MaLoi = PaymentErrorCodes.UnknownPartner, MoTaLoi = $"Unknown MaDoiTac '{maDoiTac}'." };
        }

        return PaymentHash.Matches(PaymentHash.Statement(phienBan, maDoiTac, ngay!, options.SecretKey), maXacThuc)
            ? new PaymentStatementReply { MaLoi = PaymentErrorCodes.Success, MoTaLoi = "Thành công", Ngay = ngay, DanhSach = [.. statement.Lines(ngay!)] }
            : new PaymentStatementReply { MaLoi = PaymentErrorCodes.BadHash, MoTaLoi = "Sai mã xác thực (MaXacThuc)." };
    }

    private PaymentReply Init(PaymentInitMessage message, Func<string, string> payUrl)
    {
        if (InitFieldProblem(message) is { } problem)
        {
            return Error(PaymentErrorCodes.InvalidField, problem);
        }

        if (message.MaDoiTac != options.MaDoiTac)
        {
            return Error(PaymentErrorCodes.UnknownPartner, $"Unknown MaDoiTac '{message.MaDoiTac}'.");
        }

        if (!PaymentHash.Matches(PaymentHash.Init(message, options.SecretKey), message.MaXacThuc))
        {
            return Error(PaymentErrorCodes.BadHash, "Sai mã xác thực (MaXacThuc).");
        }

        var outcome = store.Create(message, payUrl);
        if (outcome.Payment is null)
        {
            return Error(outcome.MaLoi!, outcome.MoTaLoi!);
        }

        if (outcome.Created)
        {
            Created?.Invoke(message.MaThamChieu);
        }

        return new PaymentReply { MaLoi = PaymentErrorCodes.Success, MoTaLoi = "Thành công", MaDoiTac = options.MaDoiTac, MaThamChieu = message.MaThamChieu, UrlThanhToan = outcome.Payment.UrlThanhToan };
    }

    private PaymentReply Lookup(PaymentQueryMessage message)
    {
        if (string.IsNullOrWhiteSpace(message.PhienBan) || string.IsNullOrWhiteSpace(message.MaThamChieu)
            || !PaymentTime.TryParse(message.ThoiGianGD, out _) || string.IsNullOrWhiteSpace(message.MaXacThuc))
        {
            return Error(PaymentErrorCodes.InvalidField, "PhienBan, MaThamChieu, ThoiGianGD (yyyyMMddHHmmss) and MaXacThuc are required.");
        }

        if (message.MaDoiTac != options.MaDoiTac)
        {
            return Error(PaymentErrorCodes.UnknownPartner, $"Unknown MaDoiTac '{message.MaDoiTac}'.");
        }

        var expected = PaymentHash.Query(message.LoaiBanTin, message.PhienBan, message.MaDoiTac, message.MaThamChieu, message.ThoiGianGD, options.SecretKey);
        if (!PaymentHash.Matches(expected, message.MaXacThuc))
        {
            return Error(PaymentErrorCodes.BadHash, "Sai mã xác thực (MaXacThuc).");
        }

        if (store.Find(message.MaThamChieu) is not { } payment)
        {
            return Error(PaymentErrorCodes.NotFound, $"No transaction has MaThamChieu {message.MaThamChieu}.");
        }

        if (message.LoaiBanTin == PaymentMessageTypes.Query)
        {
            return new PaymentReply
            {
                MaLoi = PaymentErrorCodes.Success, MoTaLoi = "Thành công", MaDoiTac = options.MaDoiTac, MaThamChieu = payment.MaThamChieu,
                TrangThaiGD = (int)payment.Status, MaGiaoDich = payment.MaGiaoDich, SoTien = payment.SoTien, MaNganHang = payment.MaNganHang,
                ThoiGianGD = payment.ThoiGianGD,
            };
        }

        return payment.Status != PaymentStatus.Success
            ? Error(PaymentErrorCodes.BillNotAvailable, $"Payment {payment.MaThamChieu} is not paid ({payment.Status}): no receipt.")
            : new PaymentReply
            {
                MaLoi = PaymentErrorCodes.Success, MoTaLoi = "Thành công", MaDoiTac = options.MaDoiTac, MaThamChieu = payment.MaThamChieu,
                SoBienLai = payment.SoBienLai, MaGiaoDich = payment.MaGiaoDich, SoTien = payment.SoTien, MaNganHang = payment.MaNganHang,
                ThoiGianGD = payment.ThoiGianGD, ThongTinBienLai = payment.ThongTinBienLai,
            };
    }

    private static string? InitFieldProblem(PaymentInitMessage m)
    {
        var missing = new (string Name, string? Value)[]
        {
            ("PhienBan", m.PhienBan), ("MaDoiTac", m.MaDoiTac), ("MaThamChieu", m.MaThamChieu), ("LoaiHinhThanhToan", m.LoaiHinhThanhToan),
            ("MaKenhThanhToan", m.MaKenhThanhToan), ("MaThietBi", m.MaThietBi), ("NgonNgu", m.NgonNgu), ("MaTienTe", m.MaTienTe),
            ("ThongTinGiaoDich", m.ThongTinGiaoDich), ("Ip", m.Ip), ("MaXacThuc", m.MaXacThuc),
        }.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Name).ToList();
        if (m.MaNganHang is null)
        {
            missing.Add("MaNganHang");
        }

        if (missing.Count > 0)
        {
            return $"Missing fields: {string.Join(", ", missing)}.";
        }

        if (m.SoTien <= 0)
        {
            return "SoTien must be a positive whole number of VND.";
        }

        if (m.MaTienTe != "VND")
        {
            return $"MaTienTe '{m.MaTienTe}' is not supported: VND only.";
        }

        if (m.ThongTinBienLai is null)
        {
            return "ThongTinBienLai is required.";
        }

        return PaymentTime.TryParse(m.ThoiGianGD, out _) ? null : $"ThoiGianGD '{m.ThoiGianGD}' is not yyyyMMddHHmmss.";
    }

    private PaymentReply Error(string maLoi, string moTaLoi) => new() { MaLoi = maLoi, MoTaLoi = moTaLoi, MaDoiTac = options.MaDoiTac };
}
