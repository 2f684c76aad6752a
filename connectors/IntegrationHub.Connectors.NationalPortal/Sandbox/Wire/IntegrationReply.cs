using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Wire;

/// <summary>Reply of the integration endpoint: <c>{error_code, message}</c>, plus <c>total</c> for lists and
/// <c>result</c> on success.</summary>
internal sealed record IntegrationReply<TResult>(
    [property: JsonPropertyName("error_code")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("total"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Total,
    [property: JsonPropertyName("result"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TResult? Result);
