using System.Text.Encodings.Web;
using System.Text.Json;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>How the sandbox writes dossiers and progress: Vietnamese text as UTF-8, not \u escapes, as a Vietnamese
/// system's API would (and so payloads stay readable in the hub's message view). Read-only once built.</summary>
internal static class DossierJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
