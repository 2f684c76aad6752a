using System.Globalization;
using System.Text;

namespace IntegrationHub.Tests.Security.Fuzzing;

/// <summary>One generated request: method, path (relative to the hub), Content-Type as sent (null: none, or any text,
/// valid or not), body bytes, extra headers, and what kind of mutation made it (for checks that depend on it). Shown
/// escaped and cut short when a property fails.</summary>
public sealed record FuzzRequest(HttpMethod Method, string Path, string? ContentType, byte[] Body, IReadOnlyList<KeyValuePair<string, string>>? Headers = null, string Kind = "")
{
    public HttpRequestMessage ToHttpRequest()
    {
        var message = new HttpRequestMessage(Method, Path) { Content = new ByteArrayContent(Body) };
        if (ContentType is not null)
        {
            message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        foreach (var (name, value) in Headers ?? [])
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString() => $"{Method} {Path} [{ContentType ?? "no Content-Type"}] {Kind} {Printable(Body, 400)}";

    /// <summary>Bytes as text a person can read and paste: printable ASCII as it is, the rest escaped.</summary>
    public static string Printable(byte[] bytes, int max)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.Take(max))
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : string.Create(CultureInfo.InvariantCulture, $"\\x{b:x2}"));
        }

        return bytes.Length > max ? $"{text}… ({bytes.Length} bytes)" : text.ToString();
    }
}
