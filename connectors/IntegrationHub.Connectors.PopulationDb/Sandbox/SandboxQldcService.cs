using IntegrationHub.Connectors.PopulationDb.Protocol;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.PopulationDb.Sandbox;

/// <summary>The sandbox's XacMinhThongTinNhanThan: checks MaTichHop and the id's shape, then answers the citizen (00)
/// or not found (01). Like the real service, it only looks up by id; comparing names is the caller's job.</summary>
internal sealed class SandboxQldcService(PopulationDbSandboxOptions options, SandboxCitizenStore store, IHttpContextAccessor http) : IQldcService
{
    public Task<XacMinhThongTinNhanThanResult> XacMinhThongTinNhanThanAsync(XacMinhThongTinNhanThanRequest request)
    {
        if (http.HttpContext?.Items.ContainsKey(SandboxSoapGate.SystemErrorItem) == true)
        {
            return Answer(PopulationErrorCodes.SystemError, "Hệ thống đang bận, vui lòng thử lại sau.");
        }

        if (!string.Equals(request.MaTichHop, options.MaTichHop, StringComparison.Ordinal))
        {
            return Answer(PopulationErrorCodes.UnknownIntegration, "Mã tích hợp không hợp lệ.");
        }

        var id = request.SoDinhDanh?.Trim() ?? string.Empty;
        if (id.Length != 12 || !id.All(char.IsAsciiDigit))
        {
            return Answer(PopulationErrorCodes.InvalidRequest, "Số định danh phải gồm 12 chữ số.");
        }

        var citizen = store.Lookup(id);
        if (citizen is null)
        {
            return Answer(PopulationErrorCodes.NotFound, "Không tìm thấy công dân.");
        }

        var document = new QldcDocument { Body = new QldcDocumentBody { CongDanCollection = [citizen] } };
        return Answer(PopulationErrorCodes.Found, QldcDocumentSerializer.Write(document));
    }

    private static Task<XacMinhThongTinNhanThanResult> Answer(string code, string message) =>
        Task.FromResult(new XacMinhThongTinNhanThanResult { ErrorCode = code, Message = message });
}
