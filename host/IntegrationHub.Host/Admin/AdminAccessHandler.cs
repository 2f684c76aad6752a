using System.Net;
using IntegrationHub.Host.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Admin;

public sealed class AdminAccessHandler(IHostEnvironment environment, IOptions<HubOptions> hubOptions, IHttpContextAccessor accessor)
    : AuthorizationHandler<AdminAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminAccessRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }
        else if (IsAnonymousLoopbackAllowed(environment, hubOptions.Value.Admin, accessor.HttpContext?.Connection.RemoteIpAddress))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>The anonymous rule alone: Development, allowed by config, and a loopback peer (after trusted-proxy headers).</summary>
    public static bool IsAnonymousLoopbackAllowed(IHostEnvironment environment, AdminOptions admin, IPAddress? remote) =>
        environment.IsDevelopment() && admin.AllowAnonymousLoopbackInDevelopment && remote is not null && IPAddress.IsLoopback(remote);
}
