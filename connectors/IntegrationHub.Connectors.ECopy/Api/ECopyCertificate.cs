using IntegrationHub.Contracts.Privacy;

namespace IntegrationHub.Connectors.ECopy.Api;

/// <summary>One certificate of the feed (designed, see <see cref="ECopyUrls"/>): an officer certified an electronic
/// copy as true to its original.</summary>
/// <param name="SoChungThuc">The certificate number, unique (e.g. <c>SCT-2026-000042</c>); CanBoChungThuc the officer.</param>
/// <param name="ThoiDiemChungThuc">When it was certified, ISO-8601 with the +07:00 offset.</param>
/// <param name="LoaiGiayTo">The kind of document copied (a birth certificate, a diploma...).</param>
/// <param name="SoDinhDanh">The citizen's 12-digit personal id: masked wherever shown.</param>
public sealed record ECopyCertificate(
    long Seq, string SoChungThuc, string CanBoChungThuc, string ThoiDiemChungThuc, string LoaiGiayTo, string SoDinhDanh, ECopyFile Tep)
{
    public override string ToString() => $"ECopyCertificate {{ Seq = {Seq}, SoChungThuc = {SoChungThuc}, SoDinhDanh = {PersonalDataMask.MaskId(SoDinhDanh)} }}";
}
