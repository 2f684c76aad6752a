namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>A tiny deterministic generator (SplitMix64): each procedure gets its own stream from (seed, number), so a
/// procedure can be generated alone, in any order, and always comes out the same. Not for anything secret.</summary>
internal struct SplitMix64(ulong state)
{
    private ulong _state = state;

    public static SplitMix64 For(int seed, int number) =>
        new(((ulong)(uint)seed << 32) ^ (uint)number ^ 0x9E3779B97F4A7C15UL);

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <returns>0 &lt;= value &lt; <paramref name="maxExclusive"/>.</returns>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
