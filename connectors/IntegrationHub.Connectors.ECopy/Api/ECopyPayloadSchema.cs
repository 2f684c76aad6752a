namespace IntegrationHub.Connectors.ECopy.Api;

/// <summary>The declared shape of an <c>e-copy:certifications</c> payload. The personal id is exactly 12 digits, the
/// shape the hub's <c>PersonalDataMask</c> hides in any field, so it is masked wherever a payload is shown.</summary>
internal static class ECopyPayloadSchema
{
    public const string Json = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "An electronic copy certified from its original",
          "type": "object",
          "required": ["soChungThuc", "canBoChungThuc", "thoiDiemChungThuc", "loaiGiayTo", "soDinhDanh", "tep"],
          "properties": {
            "soChungThuc": { "type": "string", "minLength": 1 }, "canBoChungThuc": { "type": "string" }, "loaiGiayTo": { "type": "string" },
            "thoiDiemChungThuc": { "type": "string", "format": "date-time" },
            "soDinhDanh": { "type": "string", "pattern": "^[0-9]{12}$" },
            "tep": {
              "type": "object",
              "required": ["id", "name", "contentType", "length", "sha256"],
              "properties": { "length": { "type": "integer", "minimum": 0 }, "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" } }
            }
          }
        }
        """;
}
