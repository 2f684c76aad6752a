using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

internal sealed record ProcedureStep(
    [property: JsonPropertyName("TRINHTU")] string Text);
