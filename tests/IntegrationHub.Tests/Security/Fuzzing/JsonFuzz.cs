using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace IntegrationHub.Tests.Security.Fuzzing;

/// <summary>Generators of hostile JSON: text that stresses storage and comparison (unpaired surrogate escapes, NUL,
/// invalid UTF-8, NFD), numbers past every range, wrong types, deep nesting, unknown and repeated fields; mutations of
/// a valid document (its tree, then its bytes); and bodies that are random altogether.</summary>
public static class JsonFuzz
{
    /// <summary>Texts a field may carry, as .NET strings (an unpaired surrogate or a NUL is a real char here).</summary>
    public static readonly string[] HostileTexts =
    [
        "\ud800", "\udc00", "a\ud800b", "x\udbff", "\0", "H56\0", "\ud83d\ude00", "Nguye\u0302\u0303n", "Nguyễn", "Trần Thị Ánh".Normalize(NormalizationForm.FormD),
        "", "   ", "\u202eevil", "\uFEFFbom", "\uFFFF", "\uFFFE", "x\uFDD0", "line\nbreak", "tab\t", "'; drop table hub.inbox; --", "<script>alert(1)</script>", "%00", "\\u0000",
        "001089012345", new string('x', 600), new string('ễ', 300), "Cán bộ hướng dẫn tận tình",
    ];

    /// <summary>Byte sequences to splice into a body: invalid UTF-8 (a lone continuation, an encoded surrogate, an overlong
    /// form, past U+10FFFF, a cut sequence), escapes PostgreSQL refuses, JSON punctuation and numbers past every range.</summary>
    public static readonly byte[][] HostileBytes =
    [
        [0xC3, 0x28], [0xFF], [0xFE, 0xFF], [0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x00],
        "\\ud800"u8.ToArray(), "\\udc00"u8.ToArray(), "\\u0000"u8.ToArray(), "\\ufffe"u8.ToArray(), [0xEF, 0xBF, 0xBE], "\\uDFFF\\uD800"u8.ToArray(), "\\"u8.ToArray(), "\""u8.ToArray(),
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(), "null"u8.ToArray(),
        "9223372036854775807"u8.ToArray(), "-9223372036854775809"u8.ToArray(), "1e400"u8.ToArray(), "99999999999999999999999999"u8.ToArray(),
        Encoding.UTF8.GetBytes("Nguyễn".Normalize(NormalizationForm.FormD)), "\uFEFF"u8.ToArray(),
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "5", "4.5", "1.0", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "99999999999999999999999", "1e400", "-1e400", "1e-400", "0.0000001", "1000000000000", "1000000000001", "1E3",
    ];

    public static Gen<string> Text { get; } = Gen.Frequency(
        (3, Gen.Elements(HostileTexts)),
        (2, Gen.Elements("H56.01-261128-0001", "Nguyễn Văn An", "Đánh giá tốt", "20261128093000", "1.003560.000.00.00.H56")),
        (1, Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c)).Select(cs => new string(cs))));

    /// <summary>Any JSON value, valid or not in its text, of bounded size (numbers, strings, literals, arrays, objects, deep nesting).</summary>
    public static Gen<FuzzJson> Value { get; } = Gen.Sized(size => ValueOf(Math.Min(size, 12)));

    private static Gen<FuzzJson> ValueOf(int size)
    {
        var leaf = Gen.Frequency(
            (3, Text.Select(FuzzJson.String)),
            (3, Gen.Elements(Numbers).Select(FuzzJson.Raw)),
            (1, Gen.Elements("null", "true", "false", "nul", "tru", "NaN", "Infinity", "'x'", "").Select(FuzzJson.Raw)),
            (1, Gen.Elements(10, 31, 33, 64, 65, 200, 3000).Select(depth => FuzzJson.Raw(new string('[', depth) + new string(']', depth)))),
            (1, Gen.Elements(33, 65, 3000).Select(depth => FuzzJson.Raw(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)))));
        if (size <= 1)
        {
            return leaf;
        }

        var child = Gen.Sized(_ => ValueOf(size / 2));
        return Gen.Frequency(
            (6, leaf),
            (1, Gen.ListOf(child, Math.Min(size, 4)).Select(items => FuzzJson.Raw("[" + string.Join(",", items) + "]"))),
            (1, Gen.ListOf(Text.Zip(child), Math.Min(size, 4)).Select(props => FuzzJson.Object(props.Select(p => KeyValuePair.Create(p.Item1, p.Item2))))));
    }

    /// <summary>The document with one change to its tree: a value replaced (a wrong type, hostile text, a huge number),
    /// a property removed, an unknown one added, one repeated, one renamed, or an object replaced by another value.</summary>
    public static Gen<FuzzJson> MutateTree(FuzzJson document)
    {
        var objects = CountObjects(document);
        return from target in Gen.Choose(0, objects - 1)
               from operation in Gen.Choose(0, 6)
               from value in Value
               from name in Gen.Frequency((3, Text), (1, Gen.Elements(PropertyNames(document).DefaultIfEmpty("x").ToArray())))
               from pick in Gen.Choose(0, 1000)
               select Rewrite(document, target, operation, value, name, pick);
    }

    /// <summary>The bytes with one to three changes: a byte flipped, the body cut, hostile bytes spliced in (anywhere,
    /// or just inside a string), a slice removed or repeated.</summary>
    public static Gen<byte[]> MutateBytes(byte[] body) =>
        from count in Gen.Choose(1, 3)
        from steps in Gen.ListOf(Gen.Choose(0, 5).Zip(Gen.Choose(0, int.MaxValue - 1)).Zip(Gen.Elements(HostileBytes)), count)
        select steps.Aggregate(body, (current, step) => Splice(current, step.Item1.Item1, step.Item1.Item2, step.Item2));

    /// <summary>A body for an endpoint: mostly its valid document, mutated or not, sometimes anything at all.</summary>
    public static Gen<byte[]> Body(Gen<FuzzJson> valid) => Gen.Frequency(
        (3, valid.Select(d => d.ToBytes())),
        (4, valid.SelectMany(MutateTree).Select(d => d.ToBytes())),
        (4, valid.SelectMany(d => MutateBytes(d.ToBytes()))),
        (2, valid.SelectMany(MutateTree).SelectMany(d => MutateBytes(d.ToBytes()))),
        (1, Value.Select(v => v.ToBytes())),
        (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))));

    private static byte[] Splice(byte[] body, int operation, int random, byte[] hostile)
    {
        if (body.Length == 0)
        {
            return hostile;
        }

        var at = random % body.Length;
        switch (operation)
        {
            case 0:
                var flipped = (byte[])body.Clone();
                flipped[at] ^= (byte)(1 + (random % 255));
                return flipped;
            case 1:
                return body[..at];
            case 2:
                return [.. body[..at], .. hostile, .. body[at..]];
            case 3:
                // Just after a quote: inside a string (or a property name) more often than not.
                var quote = Array.IndexOf(body, (byte)'"', at);
                var inside = quote < 0 ? at : quote + 1;
                return [.. body[..inside], .. hostile, .. body[inside..]];
            case 4:
                return [.. body[..at], .. body[Math.Min(body.Length, at + 1 + (random % 16))..]];
            default:
                var end = Math.Min(body.Length, at + 1 + (random % 64));
                return [.. body[..end], .. body[at..end], .. body[end..]];
        }
    }

    private static int CountObjects(FuzzJson node) => node.IsObject ? 1 + node.Properties.Sum(p => CountObjects(p.Value)) : 0;

    private static IEnumerable<string> PropertyNames(FuzzJson node) =>
        node.Properties.SelectMany(p => PropertyNames(p.Value).Prepend(p.Key));

    /// <summary>Applies the change to the object numbered <paramref name="target"/> in document order.</summary>
    private static FuzzJson Rewrite(FuzzJson node, int target, int operation, FuzzJson value, string name, int pick)
    {
        var index = 0;
        return Visit(node);

        FuzzJson Visit(FuzzJson current)
        {
            if (!current.IsObject)
            {
                return current;
            }

            if (index++ == target)
            {
                return Change(current);
            }

            return FuzzJson.Object(current.Properties.Select(p => KeyValuePair.Create(p.Key, Visit(p.Value))).ToList());
        }

        FuzzJson Change(FuzzJson current)
        {
            var properties = current.Properties.ToList();
            var at = properties.Count == 0 ? 0 : pick % properties.Count;
            switch (operation)
            {
                case 0 when properties.Count > 0:
                    properties[at] = KeyValuePair.Create(properties[at].Key, value);
                    break;
                case 1 when properties.Count > 0:
                    properties.RemoveAt(at);
                    break;
                case 2:
                    properties.Insert(at, KeyValuePair.Create(name, value));
                    break;
                case 3 when properties.Count > 0:
                    properties.Insert(pick % (properties.Count + 1), KeyValuePair.Create(properties[at].Key, pick % 2 == 0 ? properties[at].Value : value));
                    break;
                case 4 when properties.Count > 0:
                    var key = properties[at].Key;
                    properties[at] = KeyValuePair.Create(pick % 2 == 0 ? key.ToLowerInvariant() : key.Normalize(NormalizationForm.FormD) + "\u0301", properties[at].Value);
                    break;
                case 5:
                    return value;
                default:
                    if (properties.Count == 0)
                    {
                        return FuzzJson.Object((name, value));
                    }

                    properties[at] = KeyValuePair.Create(properties[at].Key, FuzzJson.String(HostileTexts[pick % HostileTexts.Length]));
                    break;
            }

            return FuzzJson.Object(properties);
        }
    }
}
