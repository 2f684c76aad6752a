using System.Text.Json;

namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>Maps a national-portal (DVCQG) procedure catalogue record to iGate's local procedure shape.</summary>
internal static class NationalProcedureMapper
{
    public const string Source = "DVCQG";

    /// <returns>The mapped procedure, or null with <paramref name="problem"/> saying why the payload cannot be mapped.</returns>
    public static IGateProcedure? TryMap(string payload, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException ex)
        {
            problem = $"payload is not JSON: {ex.Message}";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = $"payload is a JSON {root.ValueKind}, not a procedure object";
                return null;
            }

            if (!JsonText.TryGetProperty(root, "MATTHC", out var codeElement)
                || codeElement.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(codeElement.GetString()))
            {
                problem = "payload has no MATTHC (procedure code)";
                return null;
            }

            problem = null;
            return Map(codeElement.GetString()!.Trim(), root);
        }
    }

    private static IGateProcedure Map(string code, JsonElement root)
    {
        var (fieldCode, fieldName) = First(root, "LINHVUCTHUCHIEN", "MALINHVUC", "TENLINHVUC");
        return new IGateProcedure(
            Code: code,
            Name: JsonText.Field(root, "TENTTHC"),
            FieldCode: fieldCode,
            FieldName: fieldName,
            ProcessingTime: JsonText.Field(root, "THOIGIANGIAIQUYET"),
            Fees: NationalFeeMapper.Map(root),
            Agency: JsonText.Field(root, "COQUANTHUCHIEN", "TENDONVI", "TENCOQUAN"),
            AgencyCode: First(root, "COQUANTHUCHIEN", "MADONVI", "MACOQUAN").Code,
            Channels: JsonText.Items(root, "CACHTHUCTHUCHIEN"),
            Steps: JsonText.Items(root, "TRINHTUTHUCHIEN", "TRINHTU"),
            Documents: JsonText.Items(root, "THANHPHANHOSO", "TENGIAYTO"),
            LegalBasis: JsonText.Items(root, "CANCUPHAPLY", "SOKYHIEU", "SOVANBAN", "TRICHYEU", "TENVANBAN"),
            Source: Source);
    }

    /// <summary>Code and name of the first entry of a list of {code, name} objects: iGate files a procedure under one
    /// field and one agency code. A plain text entry is taken as the name.</summary>
    private static (string? Code, string? Name) First(JsonElement root, string name, string codeKey, string nameKey)
    {
        if (!JsonText.TryGetProperty(root, name, out var list))
        {
            return (null, null);
        }

        var first = list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().FirstOrDefault() : list;
        return first.ValueKind == JsonValueKind.Object
            ? (JsonText.Field(first, codeKey), JsonText.Field(first, nameKey))
            : (null, JsonText.Of(first));
    }
}
