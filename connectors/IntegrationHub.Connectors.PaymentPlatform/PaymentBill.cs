namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>The receipt (biên lai) of a paid payment, from GET_BILL, with the platform's JSON kept as it came
/// (<see cref="RawJson"/>) so it can be archived unchanged.</summary>
public sealed record PaymentBill(
    string SoBienLai,
    string MaThamChieu,
    string MaGiaoDich,
    long SoTien,
    string ThoiGianGD,
    PaymentReceiptInfo ThongTinBienLai,
    string RawJson);
