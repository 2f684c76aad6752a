using System.Text.RegularExpressions;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Storage;
using Microsoft.OpenApi;

namespace IntegrationHub.Host.ApiDocs;

/// <summary>The JSON Schema of one partner message type's body, from its configuration: exactly what
/// <see cref="Inbound.InboundEnvelope"/> and <see cref="Inbound.InboundMessageValidator"/> accept.</summary>
public static partial class InboundMessageSchema
{
    /// <summary>No control character (what <see cref="char.IsControl(char)"/> refuses in a message id).</summary>
    public const string NoControlCharacters = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";

    /// <summary>The component name: <c>PartnerMessage.{partner}.{type}</c>, in the characters a component name may use.</summary>
    public static string ComponentName(string partner, string messageType) => $"PartnerMessage.{Safe(partner)}.{Safe(messageType)}";

    public static OpenApiSchema Create(string partner, string messageType, InboundMessageTypeOptions type)
    {
        var data = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The message's fields. Only these are accepted (`unknown_field`); a required one may not be missing (`missing_field`); " +
                "each must have its type, and a required one may not be null (`wrong_field_type`; an integer is written without fraction or exponent and fits in 64 bits).",
            AdditionalPropertiesAllowed = false,
            Required = new HashSet<string>(type.Fields.Where(f => f.Value.Required).Select(f => f.Key), StringComparer.Ordinal),
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
        };
        foreach (var (name, field) in type.Fields)
        {
            data.Properties[name] = Field(field, isBusinessKey: name == type.BusinessKeyField);
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Title = $"{partner} {messageType}",
            Description = $"What partner `{partner}` pushes as message type `{messageType}`." +
                (type.BusinessKeyField is { } key ? $" `data.{key}` is its business key (admins search by it; a record's messages are delivered in its order)." : string.Empty),
            AdditionalPropertiesAllowed = false,
            Required = new HashSet<string> { "messageId", "data" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["messageId"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    MinLength = 1,
                    MaxLength = 128,
                    Pattern = NoControlCharacters,
                    Description = "The partner's id of this message, 1 to 128 characters without control characters (`invalid_message_id`). " +
                        "Sending it again returns the original receipt; with other content it is `message_id_conflict`.",
                },
                ["data"] = data,
            },
        };
    }

    private static OpenApiSchema Field(InboundFieldOptions field, bool isBusinessKey)
    {
        var type = field.Type switch
        {
            "integer" => JsonSchemaType.Integer,
            "number" => JsonSchemaType.Number,
            "boolean" => JsonSchemaType.Boolean,
            "object" => JsonSchemaType.Object,
            "array" => JsonSchemaType.Array,
            _ => JsonSchemaType.String,
        };
        var schema = new OpenApiSchema
        {
            // An optional field may be null: the validator lets null through where a field is not required.
            Type = field.Required ? type : type | JsonSchemaType.Null,
            Description = field.Required ? "Required." : "Optional; may be null.",
        };
        if (type == JsonSchemaType.Integer)
        {
            schema.Format = "int64";
        }

        if (isBusinessKey && type == JsonSchemaType.String)
        {
            schema.MaxLength = MessageStore.MaxKeyLength;
            schema.Description += $" The business key: at most {MessageStore.MaxKeyLength} characters (`invalid_field`).";
        }

        return schema;
    }

    private static string Safe(string text) => UnsafeCharacters().Replace(text, "_");

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeCharacters();
}
