using System.Collections.Concurrent;
using System.Text.Json;
using IntegrationHub.Contracts;
using Json.Schema;

namespace IntegrationHub.Host.Delivery;

/// <summary>The payload schemas the registered connectors declare on their streams, compiled once per connector.</summary>
public sealed class StreamPayloadSchemas(ConnectorCatalog connectors)
{
    private readonly ConcurrentDictionary<string, Compiled> _byConnector = new(StringComparer.Ordinal);

    /// <returns>The schema of <paramref name="stream"/>, or null when the stream declares none (or one that does not
    /// compile, which the hub refuses at start).</returns>
    public PayloadSchema? Find(string connectorId, string stream) =>
        Of(connectorId).Schemas.GetValueOrDefault(stream);

    /// <summary>Each declared schema of the connector that does not compile, said for its operator.</summary>
    public IReadOnlyList<string> Problems(string connectorId) => Of(connectorId).Problems;

    private Compiled Of(string connectorId) => _byConnector.GetOrAdd(connectorId, id =>
    {
        var schemas = new Dictionary<string, PayloadSchema>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var stream in connectors.Get(id).Spec.Streams.Where(s => s.PayloadSchema is not null))
        {
            try
            {
                schemas[stream.Name] = PayloadSchema.Compile(id, stream.Name, stream.PayloadSchema!);
            }
            catch (Exception e) when (e is JsonException or JsonSchemaException or ArgumentException)
            {
                problems.Add($"stream '{stream.Name}' declares a PayloadSchema that is not a JSON Schema: {e.Message}");
            }
        }

        return new Compiled(schemas, problems);
    });

    private sealed record Compiled(IReadOnlyDictionary<string, PayloadSchema> Schemas, IReadOnlyList<string> Problems);
}
