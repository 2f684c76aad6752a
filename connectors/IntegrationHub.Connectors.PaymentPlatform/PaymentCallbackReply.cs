using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>The hub's answer to a callback. MaLoi "00" tells the platform the result was taken; the platform may send
/// the callback again otherwise. <see cref="MaXacThuc"/> is <see cref="PaymentHash.Reply"/>. The names are the wire
/// names, written as they are (the attributes tell the OpenAPI document, which otherwise assumes the hub's camelCase).</summary>
public sealed record PaymentCallbackReply(
    [property: JsonPropertyName("MaLoi")] string MaLoi,
    [property: JsonPropertyName("MoTaLoi")] string MoTaLoi,
    [property: JsonPropertyName("MaDoiTac")] string MaDoiTac,
    [property: JsonPropertyName("ThoiGianGD")] string ThoiGianGD,
    [property: JsonPropertyName("MaXacThuc")] string MaXacThuc);
