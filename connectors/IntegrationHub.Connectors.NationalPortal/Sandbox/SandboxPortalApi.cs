using System.Globalization;
using System.Text.Json;
using IntegrationHub.Connectors.NationalPortal.Protocol;
using IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;
using IntegrationHub.Connectors.NationalPortal.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>The portal's API as the sandbox speaks it. No official specification is public; chosen here:
/// <list type="bullet">
/// <item>POST /api/auth/login <c>{username,password}</c> → 200 <c>{session, error_code: 0, message}</c>; wrong
/// credentials → still HTTP 200 with <c>error_code: 401</c> and a message (the portal reports business errors in the body).</item>
/// <item>POST /api/integration <c>{session, madonvi, service, isUpdating, data:[...]}</c> → 200
/// <c>{error_code: "0", message, ...}</c>. Codes: "-1" procedure not found, "-2" session missing, unknown or expired,
/// "-5" invalid request (unknown service, bad or missing data, no madonvi). A body that is not JSON → HTTP 400.</item>
/// <item>LayDanhSachTTHC <c>data:[{pageIndex (1-based), pageSize (1..1000)}]</c> → <c>total</c> and <c>result</c>: summaries
/// {MATTHC, TENTTHC, MALINHVUC, TENLINHVUC, CAPTHUCHIEN} ordered by MATTHC; a page past the end is empty.</item>
/// <item>LayThuTuc <c>data:[{maTTHC}]</c> → <c>result</c>: the whole procedure.</item>
/// <item>TraCuuHoSo, DongBoHoSoMC, CapNhatTienDoHoSoMC: see <see cref="Dossiers.SandboxDossierApi"/>.</item>
/// </list></summary>
internal sealed class SandboxPortalApi(
    NationalPortalSandboxOptions options,
    ProcedureCatalogue catalogue,
    SandboxSessionStore sessions,
    SandboxCallCounters counters,
    Dossiers.SandboxDossierApi dossiers)
{
    public void Map(WebApplication app)
    {
        app.MapPost("/" + NationalPortalProtocol.LoginPath, LoginAsync);
        app.MapPost("/" + NationalPortalProtocol.IntegrationPath, IntegrationAsync);
    }

    private async Task LoginAsync(HttpContext context)
    {
        var request = await ReadAsync<SandboxLoginRequest>(context);
        if (request is null)
        {
            return;
        }

        counters.Login();
        var accepted = string.Equals(request.Username, options.Username, StringComparison.Ordinal)
            && string.Equals(request.Password, options.Password, StringComparison.Ordinal);
        var reply = accepted
            ? new LoginReply(sessions.Open(), 0, "Đăng nhập thành công")
            : new LoginReply(null, int.Parse(NationalPortalProtocol.LoginRejected, CultureInfo.InvariantCulture), "Tên đăng nhập hoặc mật khẩu không đúng");
        await WriteAsync(context, reply);
    }

    private async Task IntegrationAsync(HttpContext context)
    {
        var request = await ReadAsync<SandboxIntegrationRequest>(context);
        if (request is null)
        {
            return;
        }

        if (!sessions.IsValid(request.Session))
        {
            await WriteErrorAsync(context, NationalPortalProtocol.SessionExpired, "Phiên làm việc không hợp lệ hoặc đã hết hạn");
            return;
        }

        if (string.IsNullOrWhiteSpace(request.Madonvi))
        {
            await WriteErrorAsync(context, NationalPortalProtocol.InvalidRequest, "Thiếu mã đơn vị (madonvi)");
            return;
        }

        var item = request.Data is [{ ValueKind: JsonValueKind.Object } first, ..] ? first : (JsonElement?)null;
        switch (request.Service)
        {
            case NationalPortalProtocol.LookupDossierService:
                await dossiers.LookupAsync(context, request);
                return;
            case NationalPortalProtocol.PushDossierService:
                await dossiers.PushDossiersAsync(context, request);
                return;
            case NationalPortalProtocol.PushProgressService:
                await dossiers.PushProgressAsync(context, request);
                return;
            case NationalPortalProtocol.ListProceduresService:
                await ListAsync(context, item);
                return;
            case NationalPortalProtocol.GetProcedureService:
                await DetailAsync(context, item);
                return;
            default:
                await WriteErrorAsync(context, NationalPortalProtocol.InvalidRequest, $"Dịch vụ '{request.Service}' không được hỗ trợ");
                return;
        }
    }

    private async Task ListAsync(HttpContext context, JsonElement? item)
    {
        if (Int(item, "pageIndex") is not { } pageIndex || pageIndex < 1
            || Int(item, "pageSize") is not { } pageSize || pageSize is < 1 or > NationalPortalProtocol.MaxPageSize)
        {
            await WriteErrorAsync(context, NationalPortalProtocol.InvalidRequest, "Tham số phân trang không hợp lệ (pageIndex >= 1, 1 <= pageSize <= 1000)");
            return;
        }

        counters.List(pageIndex);
        var page = catalogue.Page(pageIndex, pageSize);
        await WriteAsync(context, new IntegrationReply<IReadOnlyList<ProcedureSummary>>(NationalPortalProtocol.Success, "Thành công", catalogue.Count, page));
    }

    private async Task DetailAsync(HttpContext context, JsonElement? item)
    {
        var code = item is { } value && value.TryGetProperty("maTTHC", out var property) && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;
        if (string.IsNullOrWhiteSpace(code))
        {
            await WriteErrorAsync(context, NationalPortalProtocol.InvalidRequest, "Thiếu mã thủ tục hành chính (maTTHC)");
            return;
        }

        counters.Detail();
        var procedure = catalogue.Find(code);
        if (procedure is null)
        {
            await WriteErrorAsync(context, NationalPortalProtocol.NotFound, $"Không tìm thấy thủ tục hành chính có mã {code}");
            return;
        }

        await WriteAsync(context, new IntegrationReply<ProcedureDetail>(NationalPortalProtocol.Success, "Thành công", null, procedure));
    }

    /// <summary>Numbers may come as JSON numbers or numeric strings (both are seen from portal clients).</summary>
    private static int? Int(JsonElement? item, string name)
    {
        if (item is not { } value || !value.TryGetProperty(name, out var property))
        {
            return null;
        }

        return property.ValueKind switch
        {
            JsonValueKind.Number when property.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(property.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }

    private static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, PortalJson.Options, context.RequestAborted);
            if (value is not null)
            {
                return value;
            }
        }
        catch (JsonException)
        {
            // Answered below.
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await WriteAsync(context, new IntegrationReply<object>("400", "Dữ liệu gửi lên không phải JSON hợp lệ", null, null));
        return null;
    }

    private static Task WriteErrorAsync(HttpContext context, string code, string message) => SandboxReplies.ErrorAsync(context, code, message);

    private static Task WriteAsync<T>(HttpContext context, T reply) => SandboxReplies.WriteAsync(context, reply);
}
