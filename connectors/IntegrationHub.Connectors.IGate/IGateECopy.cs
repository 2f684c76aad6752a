using IntegrationHub.Contracts.Privacy;

namespace IntegrationHub.Connectors.IGate;

/// <summary>A certified electronic copy as iGate records it, so dossiers can reuse it instead of asking the citizen
/// for the paper again (designed: iGate publishes no specification). Sent as the <c>banSao</c> part of
/// <c>POST api/v1/e-copies</c>, beside the file itself in the <c>tep</c> part; recorded once per
/// <see cref="SoChungThuc"/>.</summary>
/// <param name="SoDinhDanh">The citizen's 12-digit personal id: the copy is found by it when a dossier is filed.</param>
/// <param name="KichThuoc">The file's length in bytes and <paramref name="Sha256"/> its lower-case hex SHA-256: iGate
/// refuses a file that does not match them.</param>
public sealed record IGateECopy(
    string IdempotencyKey, string SoChungThuc, string? CanBoChungThuc, string? ThoiDiemChungThuc, string? LoaiGiayTo, string? SoDinhDanh,
    string TenTep, string LoaiTep, long KichThuoc, string Sha256)
{
    public override string ToString() => $"IGateECopy {{ SoChungThuc = {SoChungThuc}, SoDinhDanh = {PersonalDataMask.MaskId(SoDinhDanh)}, Sha256 = {Sha256} }}";
}
