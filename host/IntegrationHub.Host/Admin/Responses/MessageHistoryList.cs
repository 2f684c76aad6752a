namespace IntegrationHub.Host.Admin.Responses;

/// <summary>Every message of a business key (MaHoSo, MaTTHC...) and every step of its life.</summary>
/// <param name="ArchiveProblems">With <c>archive=true</c>: archives that could not be searched (missing, or not matching
/// their manifest's checksum); null when the archive was not asked for.</param>
public sealed record MessageHistoryList(string BusinessKey, IReadOnlyList<MessageHistoryItem> Messages, IReadOnlyList<string>? ArchiveProblems = null);
