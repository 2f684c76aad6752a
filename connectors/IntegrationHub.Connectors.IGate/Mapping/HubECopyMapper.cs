using System.Text.Json;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>Maps the hub's certified-copy payload ({soChungThuc, canBoChungThuc, thoiDiemChungThuc, loaiGiayTo,
/// soDinhDanh, tep: the attachment reference}) to iGate's <see cref="IGateECopy"/> and the file to send with it.
/// Values are not judged here: <see cref="HubECopySchema"/> is, by the hub, before a message gets this far.</summary>
internal static class HubECopyMapper
{
    public static (IGateECopy Copy, AttachmentReference File)? TryMap(string idempotencyKey, string payload, out string? problem)
    {
        HubECopy? copy;
        try
        {
            copy = JsonSerializer.Deserialize<HubECopy>(payload, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            problem = $"payload is not a certified copy: {ex.Message}";
            return null;
        }

        problem = copy is { SoChungThuc: not null, Tep: not null } ? null : "payload has no soChungThuc or no tep";
        return problem is not null ? null : (new IGateECopy(idempotencyKey, copy!.SoChungThuc!, copy.CanBoChungThuc, copy.ThoiDiemChungThuc, copy.LoaiGiayTo,
            copy.SoDinhDanh, copy.Tep!.Name, copy.Tep.ContentType, copy.Tep.Length, copy.Tep.Sha256), copy.Tep);
    }

    private sealed record HubECopy(string? SoChungThuc, string? CanBoChungThuc, string? ThoiDiemChungThuc, string? LoaiGiayTo, string? SoDinhDanh, AttachmentReference? Tep);
}
