using System.Globalization;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

namespace IntegrationHub.Connectors.IGate.Sandbox.Writes;

/// <summary>The national systems' timestamps: yyyyMMddHHmmss (24-hour), Asia/Ho_Chi_Minh.</summary>
internal static class NationalTime
{
    public const string Format = "yyyyMMddHHmmss";

    public static DateTimeOffset? Parse(string? text) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, WorkingCalendar.Offset)
            : null;
}
