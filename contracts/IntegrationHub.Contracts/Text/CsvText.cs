using System.Text;

namespace IntegrationHub.Contracts.Text;

/// <summary>One CSV line as RFC 4180 writes it: fields separated by commas, a field with a comma, quote or line break
/// quoted (quotes doubled), CRLF at the end. Text a spreadsheet would run as a formula (starting with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) is written with a leading <c>'</c> and quoted, so a value
/// a partner or a citizen sent can never run in an officer's Excel.</summary>
public static class CsvText
{
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var safe = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 || !ReferenceEquals(safe, value)
            ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : safe;
    }

    /// <summary>Appends the fields as one line, with its CRLF.</summary>
    public static StringBuilder AppendLine(StringBuilder line, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }

            line.Append(Field(field));
            first = false;
        }

        return line.Append("\r\n");
    }
}
