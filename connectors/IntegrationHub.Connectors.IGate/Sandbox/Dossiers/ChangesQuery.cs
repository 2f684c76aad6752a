using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>The keyset of a changes call: <c>since</c> (ISO-8601, any offset; inclusive when <c>afterId</c> is left
/// out), <c>afterId</c> (only with since) and <c>limit</c> (1..1000, default 100).</summary>
internal sealed record ChangesQuery(long? SinceTicks, string? AfterId, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <returns>Null with <paramref name="problem"/> (in Vietnamese, as iGate answers) when the query is invalid.</returns>
    public static ChangesQuery? Parse(IQueryCollection query, out string? problem)
    {
        problem = null;
        long? since = null;
        if (query["since"].ToString() is { Length: > 0 } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                problem = $"Tham số since '{sinceText}' không phải thời điểm ISO-8601.";
                return null;
            }

            since = parsed.UtcTicks;
        }

        var afterId = query["afterId"].ToString() is { Length: > 0 } id ? id : null;
        if (afterId is not null && since is null)
        {
            problem = "Tham số afterId chỉ dùng cùng với since.";
            return null;
        }

        var limit = DefaultLimit;
        if (query["limit"].ToString() is { Length: > 0 } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            problem = $"Tham số limit '{limitText}' phải là số nguyên từ 1 đến {MaxLimit}.";
            return null;
        }

        return new ChangesQuery(since, afterId, limit);
    }
}
