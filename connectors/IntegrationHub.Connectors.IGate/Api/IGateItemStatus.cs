namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>Per-item statuses of a batch reply. All but <see cref="Rejected"/> mean the item is in iGate as sent.</summary>
internal static class IGateItemStatus
{
    /// <summary>A new procedure, payment or evaluation.</summary>
    public const string Created = "created";

    public const string Updated = "updated";

    /// <summary>Already there as sent (e.g. a payment reference recorded before under another key); nothing changed.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>The idempotency key was applied before; nothing changed.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Refused for good (validation or a business rule); carries an error code and message.</summary>
    public const string Rejected = "rejected";

    public static bool IsDelivered(string? status) => status is Created or Updated or Unchanged or Duplicate;
}
