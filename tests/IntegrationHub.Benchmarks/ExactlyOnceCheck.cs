using IntegrationHub.Connectors.IGate;

namespace IntegrationHub.Benchmarks;

/// <summary>Whether iGate applied every procedure of the portal's catalogue exactly once, and nothing else.</summary>
internal sealed record ExactlyOnceCheck(int Expected, int Distinct, int AppliedWrites, int Missing, int WrittenTwiceOrMore, int Unexpected, int DuplicatesIgnored, int Rejected)
{
    public bool Passed => Distinct == Expected && AppliedWrites == Expected && Missing == 0 && WrittenTwiceOrMore == 0 && Unexpected == 0 && Rejected == 0;

    public static ExactlyOnceCheck Of(IReadOnlyList<string> codes, IReadOnlyDictionary<string, int> writeCounts, IGateSandboxStats stats)
    {
        var expected = codes.ToHashSet(StringComparer.Ordinal);
        return new ExactlyOnceCheck(
            expected.Count,
            stats.DistinctProcedures,
            stats.TotalAppliedWrites,
            expected.Count(code => !writeCounts.ContainsKey(code)),
            writeCounts.Count(pair => pair.Value > 1),
            writeCounts.Keys.Count(code => !expected.Contains(code)),
            stats.DuplicatesIgnored,
            stats.Rejected);
    }

    public override string ToString() =>
        $"{(Passed ? "PASS" : "FAIL")}: {Distinct:N0}/{Expected:N0} distinct, {AppliedWrites:N0} applied writes, {Missing:N0} missing, " +
        $"{WrittenTwiceOrMore:N0} written more than once, {Unexpected:N0} unexpected, {Rejected:N0} rejected, " +
        $"{DuplicatesIgnored:N0} re-sent keys ignored by iGate";
}
