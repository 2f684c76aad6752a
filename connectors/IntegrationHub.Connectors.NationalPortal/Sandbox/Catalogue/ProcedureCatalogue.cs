using System.Collections.ObjectModel;
using static IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue.CatalogueVocabulary;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>The sandbox's procedure catalogue: unique codes like <c>1.003560.000.00.00.H56</c>, ordered by code,
/// generated from a seed. Only codes are held; summaries and details are built per request.</summary>
internal sealed class ProcedureCatalogue
{
    /// <summary>Six-digit numbers. Stepping by a prime that shares no factor with 10^6 visits every number once,
    /// so codes are unique for up to a million procedures and still look scattered like real ones.</summary>
    public const int MaxCount = 1_000_000;

    private const long Stride = 7919;

    private readonly ProcedureGenerator _generator;
    private readonly int[] _numbers;
    private readonly string[] _codes;
    private readonly Dictionary<string, int> _numberByCode;

    public ProcedureCatalogue(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        _generator = new ProcedureGenerator(seed);
        var offset = (long)(SplitMix64.For(seed, -1).NextUInt64() % MaxCount);
        _numbers = new int[count];
        for (var i = 0; i < count; i++)
        {
            _numbers[i] = (int)((offset + (i * Stride)) % MaxCount);
        }

        // Fixed-width codes: ordering by number is ordering by code, the stable order of LayDanhSachTTHC.
        Array.Sort(_numbers);
        _codes = new string[count];
        _numberByCode = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            _codes[i] = $"1.{_numbers[i]:D6}.000.00.00.{ProvinceCode}";
            _numberByCode[_codes[i]] = _numbers[i];
        }

        Codes = Array.AsReadOnly(_codes);
    }

    public int Count => _codes.Length;

    public ReadOnlyCollection<string> Codes { get; }

    /// <param name="pageIndex">1-based.</param>
    public IReadOnlyList<ProcedureSummary> Page(int pageIndex, int pageSize)
    {
        var start = (long)(pageIndex - 1) * pageSize;
        if (start >= Count)
        {
            return [];
        }

        var end = (int)Math.Min(start + pageSize, Count);
        var page = new ProcedureSummary[end - (int)start];
        for (var i = (int)start; i < end; i++)
        {
            page[i - (int)start] = _generator.Blueprint(_numbers[i], _codes[i]).ToSummary();
        }

        return page;
    }

    public ProcedureDetail? Find(string code) =>
        _numberByCode.TryGetValue(code, out var number) ? _generator.Detail(number, code) : null;
}
