namespace IntegrationHub.Host.Admin.Responses;

/// <summary>Every message of a business key (MaHoSo, MaTTHC...) and every step of its life.</summary>
public sealed record MessageHistoryList(string BusinessKey, IReadOnlyList<MessageHistoryItem> Messages);
