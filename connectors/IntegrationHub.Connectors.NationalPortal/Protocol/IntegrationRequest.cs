using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Protocol;

/// <summary>The one envelope of every call to the integration endpoint; <see cref="Service"/> selects the operation.
/// <see cref="Data"/> items are serialized by their runtime type (a dictionary, a dossier, a progress step).</summary>
internal sealed record IntegrationRequest(
    [property: JsonPropertyName("session")] string? Session,
    [property: JsonPropertyName("madonvi")] string? UnitCode,
    [property: JsonPropertyName("service")] string? Service,
    [property: JsonPropertyName("isUpdating")] bool IsUpdating,
    [property: JsonPropertyName("data")] IReadOnlyList<object>? Data);
