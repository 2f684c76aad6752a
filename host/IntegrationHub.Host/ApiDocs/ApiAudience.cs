namespace IntegrationHub.Host.ApiDocs;

/// <summary>Who an endpoint of the document serves, which decides its security requirement and generic problems.</summary>
public enum ApiAudience
{
    /// <summary>Behind the admin login.</summary>
    Admin,

    /// <summary>A partner's signed push: the generic inbound endpoint or a module's own (a <see cref="Contracts.Inbound.DedicatedInboundType"/>).</summary>
    Partner,

    /// <summary>Anonymous (e.g. the payment platform's callback, trusted through its own hash).</summary>
    Anonymous,
}
