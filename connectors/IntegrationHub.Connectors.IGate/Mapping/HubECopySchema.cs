namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>What an <c>igate:e-copies</c> payload must hold for iGate to record the copy: its certificate number, the
/// citizen's 12-digit personal id, and the copy in the hub's attachment store with its length and SHA-256.</summary>
internal static class HubECopySchema
{
    public const string Json = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "A certified electronic copy, its file in the hub's attachment store",
          "type": "object",
          "required": ["soChungThuc", "soDinhDanh", "tep"],
          "properties": {
            "soChungThuc": { "type": "string", "pattern": "\\S" },
            "soDinhDanh": { "type": "string", "pattern": "^[0-9]{12}$" },
            "tep": {
              "type": "object",
              "required": ["id", "name", "contentType", "length", "sha256"],
              "properties": { "id": { "type": "string" }, "name": { "type": "string" }, "length": { "type": "integer" }, "sha256": { "type": "string" } }
            }
          }
        }
        """;
}
