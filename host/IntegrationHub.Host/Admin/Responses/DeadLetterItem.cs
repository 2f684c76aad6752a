using System.Text.Json;

namespace IntegrationHub.Host.Admin.Responses;

/// <summary>A dead letter as the admin API shows it: personal ids in the error and payload masked.</summary>
/// <param name="WaitingBehind">Later messages of the same record held until this one is replayed or discarded.</param>
public sealed record DeadLetterItem(
    long MessageId,
    string Flow,
    string Destination,
    string RecordKey,
    string BusinessKey,
    string? ErrorCode,
    string Error,
    int Attempts,
    DateTimeOffset DeadSince,
    int WaitingBehind,
    JsonElement Payload);
