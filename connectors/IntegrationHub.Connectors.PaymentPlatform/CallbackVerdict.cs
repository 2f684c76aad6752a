namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>Whether a callback is genuine. A rejected callback must change nothing; <see cref="Code"/> says why, for
/// the reply and the log.</summary>
public sealed record CallbackVerdict(bool Accepted, string Code, string Reason)
{
    public const string OkCode = "OK";

    /// <summary>MaThamChieu or MaXacThuc is missing.</summary>
    public const string MissingFieldCode = "MISSING_FIELD";

    /// <summary>MaDoiTac is not this hub's partner code.</summary>
    public const string WrongPartnerCode = "WRONG_PARTNER";

    /// <summary>MaXacThuc does not match the fields: forged, altered on the way, or a different secret.</summary>
    public const string BadHashCode = "BAD_HASH";

    public static CallbackVerdict Ok { get; } = new(true, OkCode, "The callback is genuine.");

    public static CallbackVerdict Rejected(string code, string reason) => new(false, code, reason);
}
