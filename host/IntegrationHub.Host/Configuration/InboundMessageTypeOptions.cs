namespace IntegrationHub.Host.Configuration;

/// <summary>One message type a partner may push, with the fields its <c>data</c> object must have.</summary>
public sealed class InboundMessageTypeOptions
{
    /// <summary>Field of <c>data</c> that admins search by (MaHoSo...); it also orders a record's messages in its flow.</summary>
    public string? BusinessKeyField { get; set; }

    /// <summary>Fields of <c>data</c>. Fields not listed here are refused (a typo must not be silently dropped).</summary>
    public Dictionary<string, InboundFieldOptions> Fields { get; set; } = new(StringComparer.Ordinal);
}
