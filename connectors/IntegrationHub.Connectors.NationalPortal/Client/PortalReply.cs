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
    public static PortalReply Parse(byte[]? body, string operation)
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(body ?? [], PortalJson.Options);
        }
        catch (JsonException exception)
        {
            throw Malformed(operation, $"the reply is not valid JSON ({exception.Message})", exception);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error_code", out var code))
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
        var message = root.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString() ?? string.Empty
            : string.Empty;
        return new PortalReply(errorCode, message, root);
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

    public static ConnectorException Malformed(string operation, string reason, Exception? inner) =>
        new(new ConnectorFailure(FailureKind.Transient, "malformed-reply", $"{operation}: {reason}."), inner);
}
