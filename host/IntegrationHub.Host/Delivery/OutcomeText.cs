using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Host.Delivery;

/// <summary>A connector's free text kept with a delivery (a reference, a reason to skip), made storable: PostgreSQL
/// refusing it would lose the whole batch's outcomes and send the batch again, forever.</summary>
public static class OutcomeText
{
    public const int MaxReferenceLength = 200;
    public const int MaxReasonLength = 1000;

    /// <returns>The reference, trimmed, storable and at most <see cref="MaxReferenceLength"/> characters; null when blank.</returns>
    public static string? Reference(string? text) => Bounded(text, MaxReferenceLength);

    /// <returns>The reason, trimmed, storable and at most <see cref="MaxReasonLength"/> characters; null when blank.</returns>
    public static string? Reason(string? text) => Bounded(text, MaxReasonLength);

    private static string? Bounded(string? text, int max)
    {
        var kept = StorableText.Sanitize(text)?.Trim();
        if (string.IsNullOrEmpty(kept))
        {
            return null;
        }

        return kept.Length <= max ? kept : kept[..(char.IsHighSurrogate(kept[max - 1]) ? max - 1 : max)] + "…";
    }
}
