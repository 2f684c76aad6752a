using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>MaXacThuc: lowercase hex SHA-256 (UTF-8) of the fields joined with <c>|</c>, followed by <c>|</c> and the
/// shared secret. Pure functions, shared by the connector and the sandbox so both sides sign the same way. The field
/// orders of INIT, QUERY and the callback are the platform's; GET_BILL, the statement and the callback reply are
/// designed here (no public source gives them).</summary>
public static class PaymentHash
{
    /// <summary>INIT: <c>LoaiBanTin|PhienBan|MaDoiTac|MaThamChieu|SoTien|LoaiHinhThanhToan|MaKenhThanhToan|MaThietBi|
    /// NgonNgu|MaTienTe|MaNganHang|ThongTinGiaoDich|ThoiGianGD|Ip|secret</c>.</summary>
    public static string Init(PaymentInitMessage message, string secret)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Compute(
            [
                message.LoaiBanTin, message.PhienBan, message.MaDoiTac, message.MaThamChieu, Amount(message.SoTien),
                message.LoaiHinhThanhToan, message.MaKenhThanhToan, message.MaThietBi, message.NgonNgu, message.MaTienTe,
                message.MaNganHang, message.ThongTinGiaoDich, message.ThoiGianGD, message.Ip,
            ],
            secret);
    }

    /// <summary>QUERY: <c>LoaiBanTin|PhienBan|MaDoiTac|MaThamChieu|ThoiGianGD|secret</c>. GET_BILL uses the same
    /// order with its own LoaiBanTin (designed: the reference gives no GET_BILL hash).</summary>
    public static string Query(string loaiBanTin, string phienBan, string maDoiTac, string maThamChieu, string thoiGianGD, string secret) =>
        Compute([loaiBanTin, phienBan, maDoiTac, maThamChieu, thoiGianGD], secret);

    /// <summary>Callback: <c>LoaiBanTin|MaLoi|MaDoiTac|MaThamChieu|SoTien|MaTienTe|MaGiaoDich|MaNganHang|ThoiGianGD|
    /// ThongTinGiaoDich|secret</c>.</summary>
    public static string Callback(PaymentCallback callback, string secret)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Compute(
            [
                callback.LoaiBanTin, callback.MaLoi, callback.MaDoiTac, callback.MaThamChieu, Amount(callback.SoTien),
                callback.MaTienTe, callback.MaGiaoDich, callback.MaNganHang, callback.ThoiGianGD, callback.ThongTinGiaoDich,
            ],
            secret);
    }

    /// <summary>Callback reply (designed, not in the reference): <c>CALLBACK_REPLY|MaLoi|MoTaLoi|MaDoiTac|ThoiGianGD|secret</c>.
    /// The leading tag keeps a reply's hash from ever being the hash of another message type.</summary>
    public static string Reply(string maLoi, string moTaLoi, string maDoiTac, string thoiGianGD, string secret) =>
        Compute([PaymentMessageTypes.CallbackReply, maLoi, moTaLoi, maDoiTac, thoiGianGD], secret);

    /// <summary>Daily statement request (designed): <c>STATEMENT|PhienBan|MaDoiTac|Ngay|secret</c>, Ngay as yyyyMMdd.</summary>
    public static string Statement(string phienBan, string maDoiTac, string ngay, string secret) =>
        Compute([PaymentMessageTypes.Statement, phienBan, maDoiTac, ngay], secret);

    /// <summary>The hash of <paramref name="fields"/> then <paramref name="secret"/>, joined with <c>|</c>.</summary>
    public static string Compute(IEnumerable<string?> fields, string secret)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var text = string.Join('|', fields.Select(f => f ?? string.Empty).Append(secret ?? string.Empty));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Compares in constant time, so a forger cannot learn the hash byte by byte from response times.
    /// Case is ignored (hex); a missing hash never matches.</summary>
    public static bool Matches(string expected, string? actual)
    {
        if (string.IsNullOrEmpty(actual))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected.ToLowerInvariant()),
            Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));
    }

    private static string Amount(long soTien) => soTien.ToString(CultureInfo.InvariantCulture);
}
