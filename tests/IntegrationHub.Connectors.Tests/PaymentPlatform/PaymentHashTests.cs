using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Connectors.PaymentPlatform;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

/// <summary>Each MaXacThuc against SHA-256 of the joined string written out by hand, so a wrong field order or
/// separator in <see cref="PaymentHash"/> cannot pass by agreeing with itself.</summary>
public sealed class PaymentHashTests
{
    private const string Secret = "s3cret";

    /// <summary>From sha256sum of the joined string (see <see cref="Init_vector_is_stable"/>).</summary>
    private const string InitVector = "26a34a64c0b761fec475b86326f520c776f82e42e1c5ff393a3b782e4fbf49f7";

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Init_hashes_the_platform_field_order()
    {
        var message = new PaymentInitMessage
        {
            PhienBan = "1.0.6", MaDoiTac = "HUB-H56", MaThamChieu = "TT-001", SoTien = 150000, LoaiHinhThanhToan = "PAY",
            MaKenhThanhToan = "1", MaThietBi = "1", NgonNgu = "vi-VN", MaTienTe = "VND", MaNganHang = "",
            ThongTinGiaoDich = "Nộp lệ phí", ThoiGianGD = "20261128093000", Ip = "10.0.0.7", ThongTinBienLai = new PaymentReceiptInfo(),
        };

        var hash = PaymentHash.Init(message, Secret);

        Assert.Equal(Sha256Hex("INIT|1.0.6|HUB-H56|TT-001|150000|PAY|1|1|vi-VN|VND||Nộp lệ phí|20261128093000|10.0.0.7|s3cret"), hash);
    }

    [Fact]
    public void Init_vector_is_stable()
    {
        // printf '%s' 'INIT|1.0.6|P|R|1000|PAY|1|1|vi-VN|VND||x|20260101000000|127.0.0.1|k' | sha256sum
        var message = new PaymentInitMessage
        {
            PhienBan = "1.0.6", MaDoiTac = "P", MaThamChieu = "R", SoTien = 1000, LoaiHinhThanhToan = "PAY", MaKenhThanhToan = "1",
            MaThietBi = "1", NgonNgu = "vi-VN", MaTienTe = "VND", MaNganHang = "", ThongTinGiaoDich = "x", ThoiGianGD = "20260101000000",
            Ip = "127.0.0.1", ThongTinBienLai = new PaymentReceiptInfo(),
        };

        Assert.Equal(InitVector, PaymentHash.Init(message, "k"));
    }

    [Fact]
    public void Callback_hashes_the_platform_field_order()
    {
        var callback = new PaymentCallback
        {
            MaLoi = "00", MaDoiTac = "HUB-H56", MaThamChieu = "TT-001", SoTien = 150000, MaTienTe = "VND", MaGiaoDich = "GD1",
            MaNganHang = "970436", ThoiGianGD = "20261128093500", ThongTinGiaoDich = "Nộp lệ phí",
        };

        Assert.Equal(
            Sha256Hex("PAYMENT_RESULT|00|HUB-H56|TT-001|150000|VND|GD1|970436|20261128093500|Nộp lệ phí|s3cret"),
            PaymentHash.Callback(callback, Secret));
    }

    [Fact]
    public void Query_and_get_bill_hash_their_own_message_type()
    {
        Assert.Equal(Sha256Hex("QUERY|1.0.6|HUB-H56|TT-001|20261128093000|s3cret"), PaymentHash.Query("QUERY", "1.0.6", "HUB-H56", "TT-001", "20261128093000", Secret));
        Assert.Equal(Sha256Hex("GET_BILL|1.0.6|HUB-H56|TT-001|20261128093000|s3cret"), PaymentHash.Query("GET_BILL", "1.0.6", "HUB-H56", "TT-001", "20261128093000", Secret));
    }

    [Fact]
    public void Reply_and_statement_hashes()
    {
        Assert.Equal(Sha256Hex("CALLBACK_REPLY|00|Đã nhận|HUB-H56|20261128093000|s3cret"), PaymentHash.Reply("00", "Đã nhận", "HUB-H56", "20261128093000", Secret));
        Assert.Equal(Sha256Hex("STATEMENT|1.0.6|HUB-H56|20261128|s3cret"), PaymentHash.Statement("1.0.6", "HUB-H56", "20261128", Secret));
    }

    [Fact]
    public void Matches_ignores_hex_case_and_refuses_missing_or_short_hashes()
    {
        var hash = Sha256Hex("a|b");

        Assert.True(PaymentHash.Matches(hash, hash.ToUpperInvariant()));
        Assert.False(PaymentHash.Matches(hash, null));
        Assert.False(PaymentHash.Matches(hash, hash[..10]));
        Assert.False(PaymentHash.Matches(hash, Sha256Hex("a|c")));
    }
}
