using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>Maps PHILEPHI, seen as a plain amount, a text, or a list of {LOAIPHILEPHI, TENPHILEPHI, SOTIEN}.</summary>
internal static class NationalFeeMapper
{
    public static IReadOnlyList<IGateFee> Map(JsonElement procedure)
    {
        if (!JsonText.TryGetProperty(procedure, "PHILEPHI", out var fees))
        {
            return [];
        }

        var entries = fees.ValueKind == JsonValueKind.Array ? fees.EnumerateArray().ToList() : [fees];
        return [.. entries.Select(One).OfType<IGateFee>()];
    }

    private static IGateFee? One(JsonElement fee)
    {
        if (fee.ValueKind == JsonValueKind.Object)
        {
            return new IGateFee(
                JsonText.Field(fee, "LOAIPHILEPHI"),
                JsonText.Field(fee, "TENPHILEPHI") ?? JsonText.Field(fee, "MOTA"),
                JsonText.TryGetProperty(fee, "SOTIEN", out var amount) ? Amount(amount) : null);
        }

        if (Amount(fee) is { } plain)
        {
            return new IGateFee(null, null, plain);
        }

        return JsonText.Of(fee) is { } text ? new IGateFee(null, text, null) : null;
    }

    /// <summary>Money is integer VND: a number or a string of digits; anything else is not an amount.</summary>
    private static long? Amount(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(value.GetString()?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };
}
