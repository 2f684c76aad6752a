using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace IntegrationHub.Connectors.NationalPortal.Protocol;

/// <summary>JSON settings of the wire format: names as written on the wire, Vietnamese text left readable.
/// Read-only, so sharing one instance is safe.</summary>
internal static class PortalJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            PropertyNameCaseInsensitive = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
