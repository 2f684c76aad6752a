using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Wire;

/// <summary>Login reply. error_code is a number here (as in the reference: <c>error_code: 0</c>), a string elsewhere.</summary>
internal sealed record LoginReply(
    [property: JsonPropertyName("session")] string? Session,
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("message")] string Message);
