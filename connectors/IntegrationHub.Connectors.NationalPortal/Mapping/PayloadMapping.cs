using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>Parses an iGate payload and maps it, turning bad JSON or a mapping problem into a message.</summary>
internal static class PayloadMapping
{
    public static bool TryMap<T>(string payload, string what, Func<IGatePayload, T> map, [NotNullWhen(true)] out T? result, [NotNullWhen(false)] out string? problem)
        where T : class
    {
        result = null;
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            result = map(IGatePayload.Parse(document, what));
            return true;
        }
        catch (JsonException exception)
        {
            problem = $"The {what} payload is not valid JSON ({exception.Message}).";
        }
        catch (MappingException exception)
        {
            problem = exception.Message;
        }

        return false;
    }
}
