using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Contracts;

/// <summary>A form POST a module's dashboard page sends (e.g. an audited reveal). The host checks the login, the
/// <see cref="Policy"/> and the antiforgery token and refuses anything but POST before this runs.</summary>
public interface IHubDashboardAction
{
    /// <summary>Path under the dashboard, e.g. <c>/citizen-lookups/reveal</c>.</summary>
    string Path { get; }

    /// <summary>The policy the signed-in officer must meet (<see cref="HubPolicies"/>); acting is the operator's.</summary>
    string Policy => HubPolicies.Operator;

    /// <summary>Writes the response (a page or a redirect).</summary>
    Task HandleAsync(HubDashboardContext page, IFormCollection form);
}
