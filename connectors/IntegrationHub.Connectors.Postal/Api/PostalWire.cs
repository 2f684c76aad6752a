namespace IntegrationHub.Connectors.Postal.Api;

/// <summary>The postal service's API as the hub speaks it. <b>Designed</b>: the public postal network publishes no
/// specification for it, so this is the hub's proposal (REST, camelCase JSON, the key in <c>X-Api-Key</c>, errors as
/// <see cref="Error"/>): <c>GET api/v1/ping</c>; <c>POST api/v1/shipments</c> with an <c>Idempotency-Key</c> header, a
/// <see cref="ShipmentRequest"/> answered 201 with a <see cref="ShipmentReply"/> (200 with the same reply for a key
/// accepted before, 422 without a recipient or address); <c>GET api/v1/tracking-events?after={seq}&amp;limit={n}</c>,
/// an <see cref="EventPage"/> of the events after that sequence number, in order.</summary>
internal static class PostalWire
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string Ping = "api/v1/ping";
    public const string Shipments = "api/v1/shipments";
    public const string TrackingEvents = "api/v1/tracking-events";

    public const string Accepted = "ACCEPTED";
    public const string InTransit = "IN_TRANSIT";
    public const string OutForDelivery = "OUT_FOR_DELIVERY";
    public const string Delivered = "DELIVERED";
    public const string Returned = "RETURNED";

    /// <param name="Address">Street and number; the codes are the province, district and commune of Vietnam's
    /// administrative units.</param>
    internal sealed record Recipient(string? Name, string? Phone, string? Address, string? ProvinceCode, string? DistrictCode, string? WardCode);

    /// <param name="SenderReference">The sender's own reference, quoted back on every tracking event (the MaHoSo).</param>
    internal sealed record ShipmentRequest(string? SenderReference, Recipient? Recipient, string? Contents);

    internal sealed record ShipmentReply(string TrackingNumber, string Status);

    /// <param name="Status">One of <see cref="Accepted"/>, <see cref="InTransit"/>, <see cref="OutForDelivery"/>,
    /// <see cref="Delivered"/> (final), <see cref="Returned"/> (final: not delivered, back to the sender).</param>
    internal sealed record TrackingEvent(long Seq, string EventId, string TrackingNumber, string SenderReference, string Status, DateTimeOffset OccurredAt, string? Location);

    internal sealed record EventPage(IReadOnlyList<TrackingEvent> Items, bool HasMore);

    internal sealed record Error(string Code, string Message);
}
