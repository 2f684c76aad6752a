namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>The declared shape of an <c>igate:payments</c> payload: the confirmed-payment event the hub's payment
/// feature writes and <see cref="HubPaymentMapper"/> reads, so both sides agree on one shape. The hub checks every
/// message against it before the connector is called; one that does not match is a dead letter naming the field. The
/// constraints are what iGate requires of a payment (designed: iGate publishes no specification): a dossier, the
/// platform's reference and transaction, a positive whole amount in VND, a yyyyMMddHHmmss time; a bank code is
/// optional (e-wallets have none).</summary>
internal static class HubPaymentSchema
{
    public const string Json = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "A dossier's fee paid through the national payment platform",
          "type": "object",
          "required": ["MaHoSo", "MaThamChieu", "SoTien", "MaGiaoDich", "ThoiGianThanhToan"],
          "properties": {
            "MaHoSo": { "type": "string", "pattern": "\\S" },
            "MaThamChieu": { "type": "string", "pattern": "\\S" },
            "SoTien": { "type": "integer", "minimum": 1 },
            "MaGiaoDich": { "type": "string", "pattern": "\\S" },
            "MaNganHang": { "type": ["string", "null"] },
            "ThoiGianThanhToan": { "type": "string", "pattern": "^[0-9]{14}$" }
          }
        }
        """;
}
