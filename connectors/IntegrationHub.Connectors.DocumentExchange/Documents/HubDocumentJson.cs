using System.Text.Encodings.Web;
using System.Text.Json;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Documents;

/// <summary>How documents and status messages are written as record payloads: camelCase, Vietnamese text left
/// readable (admins read payloads in the dashboard), status codes as numbers.</summary>
public static class HubDocumentJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <exception cref="ConnectorException">Permanent: the payload is not such a record (it would never become one).</exception>
    public static T Deserialize<T>(string payload, string codePrefix)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(payload, Options) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(new ConnectorFailure(
                FailureKind.Permanent, $"{codePrefix}-PAYLOAD", $"The message is not a {typeof(T).Name}: {ex.Message}"), ex);
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
