using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.PopulationDb.Sandbox;

/// <summary>In front of the SOAP endpoint: counts requests, checks the API key (a <c>q:Unauthorized</c> fault when it
/// is wrong) and plays the scripted faults. SystemError is left to the service (it is a normal answer).</summary>
internal sealed class SandboxSoapGate(PopulationDbSandboxOptions options, SandboxFaultScript script, SandboxFaultInjector faults)
{
    public const string SystemErrorItem = "population-db.system-error";

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (!context.Request.Path.StartsWithSegments("/" + Protocol.QldcNamespace.Path) || !HttpMethods.IsPost(context.Request.Method))
        {
            await next();
            return;
        }

        var fault = script.Take();
        if (!SandboxAuthFilter.IsAuthorized(context.Request, HttpAuth.ApiKey(Protocol.QldcNamespace.ApiKeyHeader, options.ApiKey)) || fault == PopulationDbSandboxFault.AuthFault)
        {
            await SandboxSoapFaults.WriteAsync(context, "q:Unauthorized", "The API key is missing or wrong.");
            return;
        }

        // Timeout and ServerError are the shared fault middleware's, played by it.
        switch (fault)
        {
            case PopulationDbSandboxFault.Timeout:
                await SandboxFaultMiddleware.PlayAsync(context, SandboxFaultKind.Timeout, faults.Options);
                return;
            case PopulationDbSandboxFault.SoapFault:
                await SandboxSoapFaults.WriteAsync(context, "s:Server", "sandbox: injected SOAP fault");
                return;
            case PopulationDbSandboxFault.ServerError:
                await SandboxFaultMiddleware.PlayAsync(context, SandboxFaultKind.ServerError, faults.Options);
                return;
            case PopulationDbSandboxFault.SystemError:
                context.Items[SystemErrorItem] = true;
                break;
        }

        await next();
    }
}
