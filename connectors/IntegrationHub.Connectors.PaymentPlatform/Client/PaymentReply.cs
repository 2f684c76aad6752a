namespace IntegrationHub.Connectors.PaymentPlatform.Client;

/// <summary>The platform's reply to any message on <c>api/payment</c>: MaLoi and MoTaLoi always, the other fields
/// as the message type fills them (INIT: UrlThanhToan; QUERY: the transaction; GET_BILL: the receipt).</summary>
internal sealed record PaymentReply
{
    public string? MaLoi { get; init; }

    public string? MoTaLoi { get; init; }

    public string? MaDoiTac { get; init; }

    public string? MaThamChieu { get; init; }

    public string? UrlThanhToan { get; init; }

    public int? TrangThaiGD { get; init; }

    public string? MaGiaoDich { get; init; }

    public long? SoTien { get; init; }

    public string? MaNganHang { get; init; }

    public string? ThoiGianGD { get; init; }

    public string? SoBienLai { get; init; }

    public PaymentReceiptInfo? ThongTinBienLai { get; init; }
}
