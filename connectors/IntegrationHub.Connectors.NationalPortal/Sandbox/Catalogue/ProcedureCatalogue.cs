using System.Collections.ObjectModel;
using static IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue.CatalogueVocabulary;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>The sandbox's procedure catalogue: unique codes like <c>1.003560.000.00.00.H56</c>, ordered by code,
/// generated from a seed. Only codes are held; summaries and details are built per request. Procedures can be added
/// while it serves (the ministries publish new ones): readers see one consistent snapshot per call.</summary>
internal sealed class ProcedureCatalogue
{
    /// <summary>Six-digit numbers. Stepping by a prime that shares no factor with 10^6 visits every number once,
    /// so codes are unique for up to a million procedures and still look scattered like real ones.</summary>
    public const int MaxCount = 1_000_000;

    private const long Stride = 7919;

    private readonly Lock _lock = new();
    private readonly ProcedureGenerator _generator;
    private readonly long _offset;
    private volatile Snapshot _current;

    public ProcedureCatalogue(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        _generator = new ProcedureGenerator(seed);
        _offset = (long)(SplitMix64.For(seed, -1).NextUInt64() % MaxCount);
        _current = Snapshot.Of([.. Numbers(0, count)]);
    }

    public int Count => _current.Codes.Count;

    public ReadOnlyCollection<string> Codes => _current.Codes;

    /// <summary>Publishes <paramref name="count"/> new procedures (the next numbers of the sequence); they take their
    /// place in code order.</summary>
    /// <returns>The new codes.</returns>
    public IReadOnlyList<string> Add(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            var existing = _current.Numbers;
            ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount - existing.Length);
            var added = Numbers(existing.Length, count).ToArray();
            _current = Snapshot.Of([.. existing, .. added]);
            return [.. added.Order().Select(Code)];
        }
    }

    /// <param name="pageIndex">1-based.</param>
    public IReadOnlyList<ProcedureSummary> Page(int pageIndex, int pageSize)
    {
        var current = _current;
        var start = (long)(pageIndex - 1) * pageSize;
        if (start >= current.Numbers.Length)
        {
            return [];
        }

        var end = (int)Math.Min(start + pageSize, current.Numbers.Length);
        var page = new ProcedureSummary[end - (int)start];
        for (var i = (int)start; i < end; i++)
        {
            page[i - (int)start] = _generator.Blueprint(current.Numbers[i], current.Codes[i]).ToSummary();
        }

        return page;
    }

    public ProcedureDetail? Find(string code) =>
        _current.NumberByCode.TryGetValue(code, out var number) ? _generator.Detail(number, code) : null;

    private static string Code(int number) => $"1.{number:D6}.000.00.00.{ProvinceCode}";

    private IEnumerable<int> Numbers(int from, int count) =>
        Enumerable.Range(from, count).Select(i => (int)((_offset + (i * Stride)) % MaxCount));

    /// <summary>Numbers sorted: fixed-width codes make ordering by number ordering by code, the stable order of LayDanhSachTTHC.</summary>
    private sealed record Snapshot(int[] Numbers, ReadOnlyCollection<string> Codes, Dictionary<string, int> NumberByCode)
    {
        public static Snapshot Of(int[] numbers)
        {
            Array.Sort(numbers);
            var codes = new string[numbers.Length];
            var numberByCode = new Dictionary<string, int>(numbers.Length, StringComparer.Ordinal);
            for (var i = 0; i < numbers.Length; i++)
            {
                codes[i] = Code(numbers[i]);
                numberByCode[codes[i]] = numbers[i];
            }

            return new Snapshot(numbers, Array.AsReadOnly(codes), numberByCode);
        }
    }
}
