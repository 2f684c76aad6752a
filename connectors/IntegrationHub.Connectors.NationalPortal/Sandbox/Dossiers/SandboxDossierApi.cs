using System.Text.Json;
using IntegrationHub.Connectors.NationalPortal.Protocol;
using IntegrationHub.Connectors.NationalPortal.Sandbox.Wire;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;

/// <summary>The dossier services of the integration endpoint. Chosen where nothing is public:
/// <list type="bullet">
/// <item>TraCuuHoSo <c>data:[{mahoso}]</c> → "0" with <c>result {MaHoSo, MaTTHC, TrangThaiHoSo}</c>, or "-4" not found.</item>
/// <item>DongBoHoSoMC <c>isUpdating, data:[dossier...]</c> → <c>result</c>: one <c>{MaHoSo, error_code, message}</c> per
/// item in order; the top-level error_code is "0" when every item succeeded, else the first failure's.</item>
/// <item>CapNhatTienDoHoSoMC <c>data:[1..10 steps]</c> → the same per-item shape. More than 10 → "-5" for the call.</item>
/// <item>Item codes: "-3" exists (create of a stored dossier; "đã tồn tại"), "-4" dossier not found, "-6" required field
/// missing, "-7" malformed field, "-8" refused status transition, "-10" the reject rule. An item whose
/// IdempotencyKey was applied before answers "0" and changes nothing.</item>
/// </list></summary>
internal sealed class SandboxDossierApi(SandboxDossierStore store)
{
    public async Task LookupAsync(HttpContext context, SandboxIntegrationRequest request)
    {
        var code = request.Data is [{ ValueKind: JsonValueKind.Object } item, ..] ? SandboxItemReader.Text(item, "mahoso") : null;
        if (code is null)
        {
            await SandboxReplies.ErrorAsync(context, NationalPortalProtocol.InvalidRequest, "Thiếu mã hồ sơ (mahoso)");
            return;
        }

        store.CountCall(NationalPortalProtocol.LookupDossierService);
        if (store.Find(code) is not { } dossier)
        {
            await SandboxReplies.ErrorAsync(context, NationalPortalProtocol.DossierNotFound, $"Không tìm thấy hồ sơ {code}");
            return;
        }

        var result = new DossierLookupResult(dossier.MaHoSo, dossier.MaTTHC, dossier.TrangThaiHoSo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SandboxReplies.WriteAsync(context, new IntegrationReply<DossierLookupResult>(NationalPortalProtocol.Success, "Thành công", null, result));
    }

    public async Task PushDossiersAsync(HttpContext context, SandboxIntegrationRequest request)
    {
        if (request.Data is not { Count: > 0 } items)
        {
            await SandboxReplies.ErrorAsync(context, NationalPortalProtocol.InvalidRequest, "Thiếu dữ liệu hồ sơ (data)");
            return;
        }

        store.CountCall(NationalPortalProtocol.PushDossierService);
        var replies = items.Select(item =>
        {
            var verdict = SandboxDossierValidator.Validate(item, out var dossier);
            verdict = dossier is null ? store.Refused(NationalPortalConnector.DossiersStream, verdict) : store.Push(dossier, request.IsUpdating);
            return Reply(item, verdict);
        }).ToList();
        await WriteItemsAsync(context, replies);
    }

    public async Task PushProgressAsync(HttpContext context, SandboxIntegrationRequest request)
    {
        if (request.Data is not { Count: > 0 and <= NationalPortalProtocol.MaxProgressPerCall } items)
        {
            await SandboxReplies.ErrorAsync(context, NationalPortalProtocol.InvalidRequest, "Mỗi lần gửi từ 1 đến 10 bước xử lý (data)");
            return;
        }

        store.CountCall(NationalPortalProtocol.PushProgressService);
        var replies = items.Select(item =>
        {
            var verdict = SandboxProgressValidator.Validate(item, out var step);
            verdict = step is null ? store.Refused(NationalPortalConnector.ProgressStream, verdict) : store.AddProgress(step);
            return Reply(item, verdict);
        }).ToList();
        await WriteItemsAsync(context, replies);
    }

    private static ItemReply Reply(JsonElement item, ItemVerdict verdict) => new(
        item.ValueKind == JsonValueKind.Object ? SandboxItemReader.Text(item, "MaHoSo") : null, verdict.Code, verdict.Message);

    private static Task WriteItemsAsync(HttpContext context, List<ItemReply> replies)
    {
        var failure = replies.FirstOrDefault(reply => reply.ErrorCode != NationalPortalProtocol.Success);
        return SandboxReplies.WriteAsync(context, new IntegrationReply<IReadOnlyList<ItemReply>>(
            failure?.ErrorCode ?? NationalPortalProtocol.Success, failure?.Message ?? "Thành công", null, replies));
    }
}
