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
        else if (IsAnonymousLoopbackAllowed(environment, hubOptions.Value.Admin, accessor.HttpContext))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>The anonymous rule alone: Development, allowed by config, and a request that is local in every respect
    /// (<see cref="LoopbackRequest"/>: peer, Host, Origin and Referer, no proxy in between).</summary>
    public static bool IsAnonymousLoopbackAllowed(IHostEnvironment environment, AdminOptions admin, HttpContext? context) =>
        environment.IsDevelopment() && admin.AllowAnonymousLoopbackInDevelopment && context is not null && LoopbackRequest.IsLocal(context);
}
