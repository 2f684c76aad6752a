namespace IntegrationHub.Connectors.Kit;

/// <summary>What <see cref="HttpFailureClassifier"/> needs to know of one counterparty: how it is named in failure
/// messages (<paramref name="Name"/> starts a sentence, e.g. "iGate", "The payment platform") and its codes.</summary>
public sealed record HttpCounterparty(string Name, HttpFailureCodes Codes)
{
    /// <summary>Appended to a 401/403 failure, e.g. "Check Connectors:igate:ApiKey.".</summary>
    public string CredentialsHint { get; init; } = "Check its credentials.";

    /// <summary>Appended to a failure that points at a wrong address, e.g. "Check Connectors:igate:BaseUrl.".</summary>
    public string AddressHint { get; init; } = "Check its BaseUrl.";

    /// <summary>Statuses that, from this counterparty, mean the hub calls the wrong address (Config), not that it refused
    /// this message (Permanent). Empty by default: a counterparty whose 404 means "no such record" keeps it Permanent.</summary>
    public IReadOnlySet<int> WrongAddressStatuses { get; init; } = new HashSet<int>();

    /// <summary>The longest Retry-After honoured: a counterparty asking for more (a far-future date, a typo) must not
    /// park messages for days.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(1);
}
