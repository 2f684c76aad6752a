using IntegrationHub.Contracts.Text;
using Microsoft.Extensions.Primitives;

namespace IntegrationHub.Host.Http;

/// <summary>The text of the request line, at the edge: a route value or query parameter PostgreSQL cannot store
/// (<c>%00</c>) is refused with 400 <c>invalid_text</c>, and the rest is put in NFC, so a search by "Nguyễn" finds it
/// however the browser or client composed it. JSON bodies are checked by their readers (<see cref="JsonTextInspector"/>),
/// the dashboard's form fields by the dispatchers that read them (<see cref="StorableText.Sanitize"/>).</summary>
public sealed class RequestTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // (Kestrel itself refuses %00 in the path; route values are checked for any other server.)
        foreach (var (key, value) in request.RouteValues.ToList())
        {
            if (value is string text)
            {
                if (StorableText.Problem(text) is { } routeProblem)
                {
                    await RefuseAsync(context, key, routeProblem);
                    return;
                }

                request.RouteValues[key] = StorableText.Nfc(text);
            }
        }

        if (request.QueryString.HasValue)
        {
            if (Normalized(request.Query, out var problem) is { } query)
            {
                request.Query = new QueryCollection(query);
            }
            else if (problem is not null)
            {
                await RefuseAsync(context, problem.Value.Name, problem.Value.What);
                return;
            }
        }

        await next(context);
    }

    /// <returns>The pairs in NFC when any changed; null when none did or one cannot be stored (then <paramref name="problem"/>).</returns>
    private static Dictionary<string, StringValues>? Normalized(IEnumerable<KeyValuePair<string, StringValues>> pairs, out (string Name, string What)? problem)
    {
        problem = null;
        var changed = false;
        var result = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in pairs)
        {
            if (StorableText.Problem(key) is { } keyProblem)
            {
                problem = ("a parameter name", keyProblem);
                return null;
            }

            var normalized = new string?[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                if (StorableText.Problem(values[i]) is { } valueProblem)
                {
                    problem = (StorableText.Nfc(key), valueProblem);
                    return null;
                }

                normalized[i] = StorableText.Nfc(values[i]);
                changed |= !ReferenceEquals(normalized[i], values[i]);
            }

            var name = StorableText.Nfc(key);
            changed |= !ReferenceEquals(name, key);
            result[name] = new StringValues(normalized);
        }

        return changed ? result : null;
    }

    private static Task RefuseAsync(HttpContext context, string where, string what) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid text",
            detail: $"'{where}' holds {what}, which the hub cannot store or search for; nothing was done.",
            extensions: new Dictionary<string, object?> { ["code"] = JsonTextProblem.InvalidText }).ExecuteAsync(context);
}
