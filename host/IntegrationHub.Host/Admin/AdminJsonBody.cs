using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Host.Inbound;
using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Host.Admin;

/// <summary>Reads a small admin API body strictly: <c>application/json</c>, a size limit (an oversize body, declared or
/// chunked, is refused without being read whole), the text checked and put in NFC (<see cref="JsonTextInspector"/>),
/// unknown fields refused, instants only with their offset (<see cref="ExplicitOffsetConverter"/>). Every refusal is problem+json with a code: <c>unsupported_media_type</c>,
/// <c>body_too_large</c>, <c>malformed_json</c>, <c>invalid_text</c>, <c>duplicate_field</c>.</summary>
public static class AdminJsonBody
{
    /// <summary>The 400 codes of a body refused by <see cref="ReadAsync{T}"/> (413 and 415 have their own).</summary>
    public static readonly IReadOnlyList<string> BodyCodes =
        [JsonTextProblem.MalformedJson, JsonTextProblem.InvalidText, JsonTextProblem.InvalidNumber, JsonTextProblem.DuplicateField];

    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new ExplicitOffsetConverter() },
    };

    /// <param name="shape">What to send, named in the malformed_json message.</param>
    /// <returns>The body, or a problem to answer.</returns>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context, int maxBytes, string shape, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ||
            !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (default, Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Unsupported media type", "Content-Type must be application/json."));
        }

        var (body, tooLarge) = await InboundBodyReader.ReadAsync(request, maxBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return (default, Problem(StatusCodes.Status413PayloadTooLarge, "body_too_large", "Body too large", $"This request is at most {maxBytes} bytes."));
        }

        if (JsonTextInspector.Inspect(body, JsonTextInspector.DefaultMaxDepth, out var text) is { } problem)
        {
            return (default, Problem(StatusCodes.Status400BadRequest, problem.Code, "Request refused", problem.Code == JsonTextProblem.MalformedJson ? $"Send {shape}." : problem.Message));
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(text.Span, Strict), null);
        }
        catch (JsonException e)
        {
            return (default, Problem(StatusCodes.Status400BadRequest, "malformed_json", "Malformed request", $"Send {shape} ({e.Message.Split('.')[0]})."));
        }
    }

    public static IResult Problem(int status, string code, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}
