using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Protocol;

internal sealed record LoginRequest(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("password")] string Password);
