namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>The hub's answer to a callback. MaLoi "00" tells the platform the result was taken; the platform may send
/// the callback again otherwise. <see cref="MaXacThuc"/> is <see cref="PaymentHash.Reply"/>.</summary>
public sealed record PaymentCallbackReply(string MaLoi, string MoTaLoi, string MaDoiTac, string ThoiGianGD, string MaXacThuc);
