namespace IntegrationHub.Host.Admin.Responses;

/// <summary>What a replay or discard would affect; nothing was changed.</summary>
/// <param name="WouldAffect">How many dead letters the action would take (at most one action's limit).</param>
public sealed record DeadLetterDryRun(bool DryRun, string Action, int WouldAffect, IReadOnlyList<DeadLetterItem> Items);
