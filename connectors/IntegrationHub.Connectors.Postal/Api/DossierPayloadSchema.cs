namespace IntegrationHub.Connectors.Postal.Api;

/// <summary>The declared shape of a <c>postal:shipments</c> payload: an iGate dossier, of which a shipment needs its
/// MaHoSo, how the result is taken and, by post, the delivery address. The hub checks every message against it before
/// the connector is called. The address is not required here: a dossier by post without one reaches the connector and
/// is refused there by name (<c>POSTAL-NO-ADDRESS</c>), while a dossier taken at the desk is skipped.</summary>
internal static class DossierPayloadSchema
{
    public const string Json = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "A dossier whose result may go by post",
          "type": "object",
          "required": ["maHoSo", "hinhThucNhanKetQua"],
          "properties": {
            "maHoSo": { "type": "string", "pattern": "\\S" },
            "hinhThucNhanKetQua": { "type": "string" },
            "tenTTHC": { "type": ["string", "null"] },
            "diaChiNhanKetQua": { "type": ["object", "null"], "additionalProperties": { "type": ["string", "null"] } }
          }
        }
        """;
}
