using System.Text;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Reads a CSV download as RFC 4180 says, independently of the hub's writer: quoted fields may hold commas,
/// doubled quotes and line breaks; lines end with CRLF.</summary>
public sealed record CsvTable(bool HasByteOrderMark, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static CsvTable Parse(byte[] bytes)
    {
        var preamble = Encoding.UTF8.Preamble;
        var bom = bytes.AsSpan().StartsWith(preamble);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, bom ? preamble.Length : 0, bytes.Length - (bom ? preamble.Length : 0));
        var lines = new List<List<string>>();
        var line = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                if (field.Length > 0)
                {
                    throw new FormatException($"A quote inside an unquoted field at {i}.");
                }

                quoted = true;
            }
            else if (c == ',')
            {
                line.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                line.Add(field.ToString());
                field.Clear();
                lines.Add(line);
                line = [];
                i++;
            }
            else if (c is '\r' or '\n')
            {
                throw new FormatException($"A bare line break outside quotes at {i}.");
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted || field.Length > 0 || line.Count > 0)
        {
            throw new FormatException("The last line does not end with CRLF.");
        }

        return new CsvTable(bom, lines[0], lines.Skip(1).ToList());
    }

    public string Cell(IReadOnlyList<string> row, string column) => row[Header.ToList().IndexOf(column)];
}
