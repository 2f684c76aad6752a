using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.ECopy.Api;

/// <summary>A certificate as the hub carries it (<see cref="ECopyPayloadSchema"/>): the copy's bytes stay in the
/// attachment store, the payload holds their <see cref="AttachmentReference"/>.</summary>
internal sealed record ECopyPayload(
    string SoChungThuc, string CanBoChungThuc, string ThoiDiemChungThuc, string LoaiGiayTo, string SoDinhDanh, AttachmentReference Tep);
