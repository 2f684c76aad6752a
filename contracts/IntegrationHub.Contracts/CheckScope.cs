namespace IntegrationHub.Contracts;

public enum CheckScope
{
    /// <summary>Offline: options and parameters only. Runs at start.</summary>
    Parameters,

    /// <summary>Online: reach the counterparty and authenticate.</summary>
    Connectivity,
}
