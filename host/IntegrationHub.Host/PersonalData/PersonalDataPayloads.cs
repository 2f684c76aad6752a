using System.Text;
using System.Text.RegularExpressions;
using IntegrationHub.Contracts.Privacy;

namespace IntegrationHub.Host.PersonalData;

/// <summary>Stored payloads with their personal ids encrypted (what <see cref="PersonalDataMask"/> masks: every 12-digit
/// run, and the value of a card-number field such as soCMND), byte for byte the same once read back: the payload text is
/// scanned, not re-serialised. In a JSON string the id's characters become a token inside the string; a JSON number
/// (a 12-digit id sent as a number, or a card field's number) becomes a string holding a token of <c>#</c> and the number,
/// which reads back as the bare number. Text that is not JSON has its 12-digit runs replaced. Hashes and versions are
/// taken of the plaintext before, so nothing is re-sent because of the encryption.</summary>
public sealed partial class PersonalDataPayloads(IPersonalDataCipher cipher) : IPersonalDataPayloads
{
    private const char NumberMark = '#';

    /// <summary>The payload with its personal ids as tokens; the same instance when it has none (the common case costs
    /// one scan for a 12-digit run or a card field's name).</summary>
    public string Protect(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!Candidate().IsMatch(payload))
        {
            return payload;
        }

        var start = payload.AsSpan().TrimStart();
        return start.Length > 0 && start[0] is '{' or '[' ? ProtectJson(payload) : ProtectIds(payload);
    }

    /// <summary>The payload with every token not under the current key made again under it (rotation); the same
    /// instance when there is none. The plaintext it reads back as stays the same.</summary>
    /// <exception cref="PersonalDataUnreadableException">A token's key is missing or a token is damaged.</exception>
    public string Reencrypt(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.Contains(PersonalDataCipher.Open, StringComparison.Ordinal))
        {
            return payload;
        }

        var current = cipher.CurrentKeyId;
        var changed = false;
        var result = AnyToken().Replace(payload, m =>
        {
            if (m.Groups["key"].Value == current)
            {
                return m.Value;
            }

            changed = true;
            return cipher.Protect(Open(m.Value));
        });
        return changed ? result : payload;
    }

    /// <summary>The payload as it was received.</summary>
    /// <exception cref="PersonalDataUnreadableException">A token's key is missing or a token is damaged.</exception>
    public string Unprotect(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.Contains(PersonalDataCipher.Open, StringComparison.Ordinal))
        {
            return payload;
        }

        return Token().Replace(payload, m =>
        {
            var value = Open(m.Groups["token"].Value);
            var quoted = m.Groups["q1"].Success && m.Groups["q2"].Success;
            return quoted && value.Length > 0 && value[0] == NumberMark ? value[1..]
                : quoted ? $"\"{value}\""
                : $"{m.Groups["q1"].Value}{value}{m.Groups["q2"].Value}";
        });
    }

    /// <summary>Walks the JSON text: string contents (raw, as escaped in the text) get their 12-digit runs replaced, a
    /// card field's value is replaced whole, a 12-digit integer becomes a quoted token; everything else is copied.</summary>
    private string ProtectJson(string json)
    {
        var output = new StringBuilder(json.Length + 128);
        string? field = null;
        var containers = new Stack<(bool IsArray, string? Field)>();
        var i = 0;
        while (i < json.Length)
        {
            var c = json[i];
            if (c == '"')
            {
                var end = StringEnd(json, i);
                var raw = json[(i + 1)..end];
                var next = NextNonSpace(json, end + 1);
                var isKey = next < json.Length && json[next] == ':';
                output.Append('"');
                output.Append(isKey ? raw
                    : field is not null && CardField().IsMatch(field) && raw.Length > 0 && !IsToken(raw) ? cipher.Protect(raw)
                    : ProtectIds(raw));
                output.Append('"');
                field = isKey ? raw : field;
                i = end + 1;
            }
            else if (c is '-' or (>= '0' and <= '9'))
            {
                var end = i + 1;
                while (end < json.Length && (char.IsAsciiDigit(json[end]) || json[end] is '.' or 'e' or 'E' or '+' or '-'))
                {
                    end++;
                }

                var number = json[i..end];
                var protect = (field is not null && CardField().IsMatch(field)) || PersonalId().IsMatch(number);
                output.Append(protect ? $"\"{cipher.Protect(NumberMark + number)}\"" : number);
                i = end;
            }
            else
            {
                // An array's items are its field's values (as PersonalDataMask reads them); in an object a ',' or the
                // end of a value ends the field.
                switch (c)
                {
                    case '[':
                        containers.Push((true, field));
                        break;
                    case '{':
                        containers.Push((false, field));
                        field = null;
                        break;
                    case '}' or ']':
                        containers.TryPop(out _);
                        field = containers.TryPeek(out var outer) && outer.IsArray ? outer.Field : null;
                        break;
                    case ',':
                        field = containers.TryPeek(out var current) && current.IsArray ? current.Field : null;
                        break;
                }

                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    /// <summary>The text's 12-digit runs as tokens; tokens already in it are kept as they are, so protecting a payload read
    /// back from the inbox (the router appends it to a flow's messages) does not encrypt it twice.</summary>
    private string ProtectIds(string text)
    {
        if (!text.Contains(PersonalDataCipher.Open, StringComparison.Ordinal))
        {
            return PersonalId().Replace(text, m => cipher.Protect(m.Value));
        }

        var output = new StringBuilder(text.Length + 64);
        var at = 0;
        foreach (Match token in Token().Matches(text))
        {
            output.Append(PersonalId().Replace(text[at..token.Groups["token"].Index], m => cipher.Protect(m.Value)));
            output.Append(token.Groups["token"].Value);
            at = token.Groups["token"].Index + token.Groups["token"].Length;
        }

        return output.Append(PersonalId().Replace(text[at..], m => cipher.Protect(m.Value))).ToString();
    }

    /// <summary>A token's value. A pushed card field routed before protecting kept tokens was encrypted twice (a token
    /// holding a token): opened down to the value.</summary>
    private string Open(string token)
    {
        var value = cipher.Unprotect(token);
        while (IsToken(value))
        {
            value = cipher.Unprotect(value);
        }

        return value;
    }

    private static bool IsToken(string text) => Token().Match(text) is { Success: true } m && m.Groups["token"].Index == 0 && m.Groups["token"].Length == text.Length;

    /// <returns>The index of the quote closing the string opened at <paramref name="open"/> (or the text's end).</returns>
    private static int StringEnd(string json, int open)
    {
        var i = open + 1;
        while (i < json.Length && json[i] != '"')
        {
            i += json[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i, json.Length);
    }

    private static int NextNonSpace(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return from;
    }

    [GeneratedRegex(@"(?<!\d)\d{12}(?!\d)|""(so)?_?cmnd(nguoinop)?""|""socmt""", RegexOptions.IgnoreCase)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"(?<!\d)\d{12}(?!\d)")]
    private static partial Regex PersonalId();

    [GeneratedRegex(@"⟦pd1\.(?<key>[A-Za-z0-9_-]{1,32})\.[A-Za-z0-9*]*\.[A-Za-z0-9_-]*⟧")]
    private static partial Regex AnyToken();

    [GeneratedRegex(@"^(so)?_?cmnd(nguoinop)?$|^socmt$", RegexOptions.IgnoreCase)]
    private static partial Regex CardField();

    [GeneratedRegex(@"(?<q1>"")?(?<token>⟦pd1\.[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9*]*\.[A-Za-z0-9_-]*⟧)(?<q2>"")?")]
    private static partial Regex Token();
}
