using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Inbound;

/// <summary>Checks a message against its type's configured fields and turns it into a submission: required fields
/// present, types right, nothing unknown. REST and SOAP share it, so both refuse the same things the same way.</summary>
public sealed class InboundMessageValidator(IOptions<InboundOptions> options)
{
    public InboundError? Validate(InboundCaller caller, string messageType, string? messageId, JsonElement data, out InboundSubmission? submission)
    {
        submission = null;
        var partner = options.Value.Partners[caller.PartnerId];
        if (!partner.MessageTypes.TryGetValue(messageType, out var type))
        {
            return InboundError.UnknownMessageType(caller.PartnerId, messageType);
        }

        if (string.IsNullOrEmpty(messageId) || messageId.Length > 128 || messageId.Any(char.IsControl))
        {
            return InboundError.InvalidMessageId();
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            return data.ValueKind == JsonValueKind.Undefined ? InboundError.MissingField("data") : InboundError.WrongFieldType("data", "object");
        }

        foreach (var property in data.EnumerateObject())
        {
            if (!type.Fields.TryGetValue(property.Name, out var field))
            {
                return InboundError.UnknownField($"data.{property.Name}");
            }

            if (!HasType(property.Value, field.Type) && !(property.Value.ValueKind == JsonValueKind.Null && !field.Required))
            {
                return InboundError.WrongFieldType($"data.{property.Name}", field.Type);
            }
        }

        foreach (var (name, field) in type.Fields.Where(f => f.Value.Required))
        {
            if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return InboundError.MissingField($"data.{name}");
            }
        }

        string? businessKey = null;
        if (type.BusinessKeyField is { } keyField && data.TryGetProperty(keyField, out var key) && key.ValueKind != JsonValueKind.Null)
        {
            businessKey = key.ValueKind == JsonValueKind.String ? key.GetString() : key.GetRawText();
            if (businessKey!.Length > Storage.MessageStore.MaxKeyLength)
            {
                // PostgreSQL cannot index a key of a few kilobytes: refused here, not parked by the router later.
                return InboundError.BusinessKeyTooLong($"data.{keyField}", Storage.MessageStore.MaxKeyLength);
            }
        }

        // The validated object as sent: no second serialization on the hot path.
        var payload = data.GetRawText();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{messageType}\n{payload}"));
        submission = new InboundSubmission(caller.PartnerId, messageType, messageId, businessKey, payload, hash, caller.Nonce, Signature: caller.Signature);
        return null;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => false,
    };
}
