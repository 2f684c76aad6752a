using System.Globalization;

namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>Maps a postal tracking event ({eventId, trackingNumber, senderReference (MaHoSo), status, occurredAt
/// (ISO-8601), location}) to iGate's delivery status; the time becomes iGate's yyyyMMddHHmmss at +07:00.</summary>
internal static class HubDeliveryStatusMapper
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static IGateDeliveryStatus? TryMap(string payload, out string? problem)
    {
        using var document = HubPayloadReader.TryOpenObject(payload, "a tracking event", out problem);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        var at = DateTimeOffset.TryParse(JsonText.Field(root, "occurredAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToOffset(Vietnam).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
            : null;
        return new IGateDeliveryStatus(
            JsonText.Field(root, "senderReference"),
            JsonText.Field(root, "trackingNumber"),
            JsonText.Field(root, "status"),
            at,
            JsonText.Field(root, "location"),
            JsonText.Field(root, "eventId"));
    }
}
