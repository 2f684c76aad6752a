using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>A paper of the dossier, with how many originals and copies are required.</summary>
internal sealed record ProcedureDocument(
    [property: JsonPropertyName("TENGIAYTO")] string Name,
    [property: JsonPropertyName("SOBANCHINH")] int Originals,
    [property: JsonPropertyName("SOBANSAO")] int Copies);
