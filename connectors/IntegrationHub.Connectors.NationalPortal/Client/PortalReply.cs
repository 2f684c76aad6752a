using System.Globalization;
using System.Text.Json;
using IntegrationHub.Connectors.NationalPortal.Protocol;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.NationalPortal.Client;

/// <summary>A parsed reply of the portal: its error code and message, and the whole body for the caller to read.</summary>
internal sealed record PortalReply(string ErrorCode, string Message, JsonElement Body)
{
    public bool Succeeded => ErrorCode == NationalPortalProtocol.Success;

    public bool SessionExpired => ErrorCode == NationalPortalProtocol.SessionExpired;

    /// <summary>Parses a body; an unreadable one is <see cref="FailureKind.Transient"/> (a proxy's error page, a cut-off reply).</summary>
    public static PortalReply Parse(string body, string operation)
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(body, PortalJson.Options);
        }
        catch (JsonException exception)
        {
            throw Malformed(operation, $"the reply is not valid JSON ({exception.Message})", exception);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(operation, "the reply has no error_code", null);
        }

        var (errorCode, message) = CodeAndMessage(root, operation);
        return new PortalReply(errorCode, message, root);
    }

    /// <summary>"Already exists": "3" or "-3" with "đã tồn tại" in the message; other implementations see both codes.</summary>
    public bool AlreadyExists =>
        ErrorCode is NationalPortalProtocol.DossierExists or NationalPortalProtocol.DossierExistsAlternative
        && Message.Normalize().Contains(NationalPortalProtocol.AlreadyExistsPhrase, StringComparison.OrdinalIgnoreCase);

    /// <summary>The per-item answers of a write service, in the order the items were sent; null when the reply has
    /// none (the portal refused the call as a whole). A list of the wrong length means the reply is malformed.</summary>
    public IReadOnlyList<PortalItemResult>? ItemResults(string operation, int expected)
    {
        if (!Body.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        if (result.GetArrayLength() != expected)
        {
            throw Malformed(operation, $"result has {result.GetArrayLength()} items for {expected} sent", null);
        }

        var items = new List<PortalItemResult>(expected);
        foreach (var item in result.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(operation, "an item of result is not an object", null);
            }

            var (code, message) = CodeAndMessage(item, operation);
            items.Add(new PortalItemResult(code, message));
        }

        return items;
    }

    /// <summary>The <c>result</c> member; its absence or wrong shape means the reply is malformed.</summary>
    public JsonElement Result(string operation, JsonValueKind expected)
    {
        if (!Body.TryGetProperty("result", out var result) || result.ValueKind != expected)
        {
            throw Malformed(operation, $"result is missing or not a JSON {expected.ToString().ToLowerInvariant()}", null);
        }

        return result;
    }

    public int Total(string operation)
    {
        if (Body.TryGetProperty("total", out var total))
        {
            if (total.ValueKind == JsonValueKind.Number && total.TryGetInt32(out var number))
            {
                return number;
            }

            if (total.ValueKind == JsonValueKind.String
                && int.TryParse(total.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }
        }

        throw Malformed(operation, "total is missing or not an integer", null);
    }

    private static (string Code, string Message) CodeAndMessage(JsonElement obj, string operation)
    {
        if (!obj.TryGetProperty("error_code", out var code))
        {
            throw Malformed(operation, "the reply has no error_code", null);
        }

        // The reference shows both 0 (login) and "0" (integration): accept either.
        var errorCode = code.ValueKind switch
        {
            JsonValueKind.String => code.GetString() ?? string.Empty,
            JsonValueKind.Number => code.GetRawText(),
            _ => throw Malformed(operation, "error_code is neither a string nor a number", null),
        };
        var message = obj.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString() ?? string.Empty
            : string.Empty;
        return (errorCode, message);
    }

    public const string MalformedCode = "malformed-reply";

    public static ConnectorException Malformed(string operation, string reason, Exception? inner) =>
        new(new ConnectorFailure(FailureKind.Transient, MalformedCode, $"{operation}: {reason}."), inner);
}
