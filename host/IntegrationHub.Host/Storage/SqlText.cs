namespace IntegrationHub.Host.Storage;

/// <summary>Variants of a statement derived from another, failing at once when the text they change has moved.</summary>
internal static class SqlText
{
    public static string ReplaceOnce(this string sql, string part, string replacement)
    {
        var at = sql.IndexOf(part, StringComparison.Ordinal);
        if (at < 0 || sql.IndexOf(part, at + part.Length, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"The statement holds '{part}' not exactly once.");
        }

        return string.Concat(sql.AsSpan(0, at), replacement, sql.AsSpan(at + part.Length));
    }
}
