using System.Text.Json;

namespace IntegrationHub.Host.Storage;

/// <summary>Reads an inbox archive's line (<see cref="InboxPartitionStore.ReadFinishedAsync"/>) without the database.</summary>
public static class InboxArchiveLine
{
    /// <summary>The business key of an archived inbox message, or null (none, or not an inbox line).</summary>
    public static string? BusinessKey(string line)
    {
        using var record = JsonDocument.Parse(line);
        return record.RootElement.ValueKind == JsonValueKind.Object && record.RootElement.TryGetProperty("business_key", out var key) && key.ValueKind == JsonValueKind.String
            ? key.GetString()
            : null;
    }
}
