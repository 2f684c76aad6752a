using System.Text.Json;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>The test and demo control surface under <c>/sandbox</c> (never faulted): <c>GET /sandbox/stats</c> and
/// <c>PUT /sandbox/faults</c> with a <see cref="SandboxFaultOptions"/> body.</summary>
internal sealed class SandboxControlApi(SandboxFaultInjector faults, Func<NationalPortalSandboxStats> stats)
{
    public void Map(WebApplication app)
    {
        app.MapGet("/sandbox/stats", () => Results.Json(stats(), JsonSerializerOptions.Web));
        app.MapSandboxFaults(faults);
    }
}
