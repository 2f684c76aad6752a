using System.Collections.Concurrent;

namespace IntegrationHub.Tests.Security.Fuzzing;

/// <summary>How many answers fell in each category, counted from concurrent requests.</summary>
public sealed class FuzzTally
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Total => _counts.Values.Sum();

    public void Add(string category) => _counts.AddOrUpdate(category, 1, (_, n) => n + 1);

    public int this[string category] => _counts.GetValueOrDefault(category);

    /// <summary>Sum over the categories that start with <paramref name="prefix"/> (e.g. "202").</summary>
    public int StartingWith(string prefix) => _counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);

    public override string ToString() => string.Join(", ", _counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key}: {c.Value}"));
}
