namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>The declared shape of an <c>igate:delivery-status</c> payload: a tracking event of the postal service
/// (<c>postal:tracking</c>) about a shipment whose sender reference is the dossier's MaHoSo. The hub checks every
/// message against it before the connector is called (<see cref="HubDeliveryStatusMapper"/> reads it).</summary>
internal static class HubDeliveryStatusSchema
{
    public const string Json = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "A postal tracking event of a dossier's result",
          "type": "object",
          "required": ["eventId", "trackingNumber", "senderReference", "status", "occurredAt"],
          "properties": {
            "eventId": { "type": "string", "pattern": "\\S" },
            "trackingNumber": { "type": "string", "pattern": "\\S" },
            "senderReference": { "type": "string", "pattern": "\\S" },
            "status": { "enum": ["ACCEPTED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "RETURNED"] },
            "occurredAt": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T" },
            "location": { "type": ["string", "null"] }
          }
        }
        """;
}
