namespace IntegrationHub.Host.Storage;

/// <summary>One page of dead letters, in message order, and how many match: exactly up to <see cref="CountCap"/>, else
/// "more than" (<see cref="CountCapped"/>), so the page's work stays bounded however many dead letters are open.</summary>
/// <param name="Next">Where the next page starts (the last row's message and destination); null on the last page.</param>
public sealed record DeadLetterListing(int Count, bool CountCapped, int CountCap, IReadOnlyList<DeadLetter> Items, (long MessageId, string Destination)? Next);
