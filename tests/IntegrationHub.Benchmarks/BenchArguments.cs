using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>Reading a mode's command line: an option's value, or a positive whole number, or a clear error with the usage.</summary>
internal static class BenchArguments
{
    public static string Value(IReadOnlyList<string> args, int index, string usage) =>
        index < args.Count ? args[index] : throw new BenchmarkException($"{args[index - 1]} needs a value. {usage}");

    public static int PositiveInt(IReadOnlyList<string> args, int index, string usage) =>
        int.TryParse(Value(args, index, usage), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new BenchmarkException($"{args[index - 1]} needs a positive whole number, not '{args[index]}'.");
}
