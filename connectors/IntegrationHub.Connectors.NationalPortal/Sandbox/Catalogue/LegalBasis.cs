using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>A legal document the procedure rests on; the date is yyyyMMddHHmmss like every DVCQG date.</summary>
internal sealed record LegalBasis(
    [property: JsonPropertyName("SOKYHIEU")] string Number,
    [property: JsonPropertyName("TRICHYEU")] string Title,
    [property: JsonPropertyName("NGAYBANHANH")] string IssuedOn,
    [property: JsonPropertyName("COQUANBANHANH")] string Issuer);
