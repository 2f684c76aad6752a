using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace IntegrationHub.Host.Delivery;

/// <summary>A destination stream's declared payload schema, compiled once, checking payloads before the connector sees
/// them. Each schema has its own registry: nothing is registered in JsonSchema.Net's global one.</summary>
public sealed class PayloadSchema
{
    /// <summary>The dead letter's error code of a payload that does not match.</summary>
    public const string ErrorCode = "PAYLOAD_SCHEMA";

    private const int MaxErrorsShown = 5;

    private static readonly EvaluationOptions Evaluation = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
        Culture = CultureInfo.InvariantCulture,
    };

    private readonly JsonSchema _schema;

    private PayloadSchema(string stream, JsonSchema schema)
    {
        Stream = stream;
        _schema = schema;
    }

    /// <summary><c>connector:stream</c>.</summary>
    public string Stream { get; }

    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="JsonSchemaException">The text is JSON but not a JSON Schema.</exception>
    /// <exception cref="ArgumentException">The text is JSON but neither an object nor a boolean.</exception>
    public static PayloadSchema Compile(string connectorId, string stream, string schemaText)
    {
        var baseUri = new Uri($"https://streams.integrationhub.invalid/{Uri.EscapeDataString(connectorId)}/{Uri.EscapeDataString(stream)}");
        var schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, baseUri);
        return new PayloadSchema($"{connectorId}:{stream}", schema);
    }

    /// <returns>Null when <paramref name="payload"/> matches, else what does not, by JSON path (<c>$.SoTien</c>).</returns>
    public string? Problem(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        EvaluationResults results;
        try
        {
            results = _schema.Evaluate(document.RootElement, Evaluation);
        }
        catch (JsonSchemaException e)
        {
            // The schema itself is at fault (an unresolvable $ref): every payload fails alike, and says why.
            return $"The schema of {Stream} cannot be evaluated: {e.Message}";
        }

        if (results.IsValid)
        {
            return null;
        }

        var errors = (results.Details ?? []).Prepend(results)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{JsonPathOf(d.InstanceLocation.ToString(), document.RootElement)}: {e.Value}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder($"The payload does not match the schema of {Stream}: ");
        text.AppendJoin("; ", errors.Take(MaxErrorsShown));
        if (errors.Count > MaxErrorsShown)
        {
            text.Append(CultureInfo.InvariantCulture, $"; and {errors.Count - MaxErrorsShown} more");
        }
        else if (errors.Count == 0)
        {
            text.Append("(no detail given)");
        }

        return text.ToString();
    }

    /// <summary>A JSON Pointer (<c>/a/0/b</c>) as a JSON path an operator reads (<c>$.a[0].b</c>), arrays told from
    /// objects by the payload itself.</summary>
    private static string JsonPathOf(string pointer, JsonElement root)
    {
        var path = new StringBuilder("$");
        var at = root;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (at.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                path.Append(CultureInfo.InvariantCulture, $"[{index}]");
                at = index < at.GetArrayLength() ? at[index] : default;
            }
            else
            {
                path.Append(segment.Length > 0 && segment.All(c => char.IsLetterOrDigit(c) || c == '_') && !char.IsDigit(segment[0])
                    ? "." + segment
                    : $"['{segment.Replace("'", "\\'", StringComparison.Ordinal)}']");
                at = at.ValueKind == JsonValueKind.Object && at.TryGetProperty(segment, out var next) ? next : default;
            }
        }

        return path.ToString();
    }
}
