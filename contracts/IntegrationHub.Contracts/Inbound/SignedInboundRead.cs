using System.Diagnostics.CodeAnalysis;

namespace IntegrationHub.Contracts.Inbound;

/// <summary>What <see cref="IHubInbound.ReadAsync"/> found: the message, or the problem to refuse the request with.</summary>
public sealed record SignedInboundRead(SignedInboundMessage? Message, HubProblem? Problem)
{
    [MemberNotNullWhen(true, nameof(Problem))]
    [MemberNotNullWhen(false, nameof(Message))]
    public bool Refused => Problem is not null;
}
