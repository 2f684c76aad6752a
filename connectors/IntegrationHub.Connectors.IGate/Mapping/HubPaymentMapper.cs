namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>Maps the hub's confirmed-payment payload ({MaHoSo, MaThamChieu, SoTien, MaGiaoDich, MaNganHang,
/// ThoiGianThanhToan}) to iGate's payment. Names are matched ignoring case; values are not judged here: the stream's
/// declared <see cref="HubPaymentSchema"/> is, by the hub, before a message gets this far.</summary>
internal static class HubPaymentMapper
{
    public static IGatePayment? TryMap(string payload, out string? problem)
    {
        using var document = HubPayloadReader.TryOpenObject(payload, "a payment", out problem);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        return new IGatePayment(
            JsonText.Field(root, "MaHoSo"),
            JsonText.Field(root, "MaThamChieu"),
            JsonText.IntegerField(root, "SoTien"),
            JsonText.Field(root, "MaGiaoDich"),
            JsonText.Field(root, "MaNganHang"),
            JsonText.Field(root, "ThoiGianThanhToan"));
    }
}
