namespace IntegrationHub.Connectors.PaymentPlatform.Client;

/// <summary>A QUERY or GET_BILL message on the wire; both are signed with <see cref="PaymentHash.Query"/>.</summary>
internal sealed record PaymentQueryMessage(
    string LoaiBanTin,
    string PhienBan,
    string MaDoiTac,
    string MaThamChieu,
    string ThoiGianGD,
    string MaXacThuc);
