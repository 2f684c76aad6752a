using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox.ECopies;

/// <summary>The certified copies iGate keeps for dossiers to reuse, one per certificate number: a copy whose file does
/// not match what its details state, or whose personal id is not 12 digits, is refused; the same copy again changes
/// nothing; another file under a number already kept is refused. Thread-safe.</summary>
internal sealed class ECopyShelf(SandboxIdempotencyBook writes)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, IGateECopy> _copies = new(StringComparer.Ordinal);

    public IGateECopy? Find(string soChungThuc)
    {
        lock (_lock)
        {
            return _copies.GetValueOrDefault(soChungThuc);
        }
    }

    /// <returns>What became of it and, when refused, the code and reason.</returns>
    public (SandboxWriteOutcome Outcome, string? Code, string? Reason) Receive(IGateECopy copy, long length, string sha256)
    {
        (string Code, string Reason)? refusal = copy.SoDinhDanh is not { Length: 12 } id || !id.All(char.IsAsciiDigit)
            ? ("IGATE-ECOPY-SODINHDANH", "Số định danh cá nhân phải gồm 12 chữ số.")
            : length != copy.KichThuoc || !string.Equals(sha256, copy.Sha256, StringComparison.OrdinalIgnoreCase)
                ? ("IGATE-ECOPY-TEP", $"Tệp nhận được ({length} byte, SHA-256 {sha256}) không khớp với thông tin bản sao.")
                : null;
        var outcome = writes.Write(IGateConnector.ECopiesStream, copy.IdempotencyKey, () =>
        {
            lock (_lock)
            {
                if (refusal is null && _copies.TryGetValue(copy.SoChungThuc, out var kept) && kept.Sha256 != sha256)
                {
                    refusal = ("IGATE-ECOPY-TRUNG", $"Chứng thực {copy.SoChungThuc} đã có bản sao khác.");
                }

                if (refusal is not null || _copies.ContainsKey(copy.SoChungThuc))
                {
                    return refusal is null ? SandboxWriteOutcome.Repeated : SandboxWriteOutcome.Refused;
                }

                _copies[copy.SoChungThuc] = copy with { Sha256 = sha256 };
                return SandboxWriteOutcome.Applied;
            }
        });
        return (outcome, refusal?.Code, refusal?.Reason);
    }
}
