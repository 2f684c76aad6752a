using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Hosting;

/// <summary><c>archive find &lt;businessKey&gt;</c> and <c>archive verify</c>: the archive folder read by the operator's
/// command, without a database; a corrupted archive is named and the command fails.</summary>
public sealed class ArchiveCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-archive-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Find_prints_an_archived_message_and_verify_names_a_corrupted_archive()
    {
        var partition = new HistoryPartition("p2025_01", 1, 100, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(31), 0);
        var manifest = await new HistoryArchive(_folder).WriteAsync(partition, Lines(), DateTimeOffset.UtcNow, default);
        await new HistoryArchive(_folder).Kind(InboxRetention.Folder).WriteAsync(partition, InboxLines(), DateTimeOffset.UtcNow, default);
        var environment = new Dictionary<string, string> { ["Hub__Retention__ArchiveFolder"] = _folder };

        var (exit, output, error) = await HostCommand.RunAsync(environment, "archive", "find", "H42.7");
        Assert.True(exit == 0, error);
        Assert.Contains("\"MessageId\":7", output, StringComparison.Ordinal);
        Assert.Contains("inbox: {\"id\":70,", output, StringComparison.Ordinal);
        Assert.Contains("1 archived message(s) and 1 archived inbox message(s)", output, StringComparison.Ordinal);
        (exit, output, error) = await HostCommand.RunAsync(environment, "archive", "verify");
        Assert.True(exit == 0, error + output);
        Assert.Contains("p2025_01-1: ok", output, StringComparison.Ordinal);
        Assert.Contains("inbox/p2025_01-1: ok", output, StringComparison.Ordinal);

        var path = Path.Combine(_folder, manifest.Files[0].Name);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^10] ^= 0x55;
        await File.WriteAllBytesAsync(path, bytes);
        (exit, output, _) = await HostCommand.RunAsync(environment, "archive", "verify");
        Assert.Equal(1, exit);
        Assert.Contains($"p2025_01-1: {manifest.Files[0].Name} has SHA-256", output, StringComparison.Ordinal);
        Assert.Contains("1 with problems", output, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<HistoryArchiveLine> InboxLines()
    {
        await Task.Yield();
        foreach (var id in new long[] { 70, 90 })
        {
            yield return new HistoryArchiveLine(id,
                $$"""{"id":{{id}},"partner":"dvcqg","message_type":"danh-gia","partner_message_id":"m{{id}}","business_key":"H42.{{id / 10}}","payload":"{}","parked":null}""",
                0, 0);
        }
    }

    private static async IAsyncEnumerable<HistoryArchiveLine> Lines()
    {
        await Task.Yield();
        foreach (var id in new long[] { 5, 7, 9 })
        {
            yield return new HistoryArchiveLine(id,
                $$"""{"id":{{id}},"flow_id":"dossiers","record_key":"R{{id}}","business_key":"H42.{{id}}","version":"1","received_at":"2025-01-02T03:04:05+00:00","run_id":null,"trace_parent":null,"payload":{"n":{{id}}},"deliveries":[{"destination":"igate:dossiers","status":"delivered","attempts":1,"next_attempt_at":null,"last_error_code":null,"last_error":null,"updated_at":"2025-01-02T03:04:06+00:00","reference":null}],"steps":[{"id":1,"at":"2025-01-02T03:04:05+00:00","event":"received","destination":null,"detail":null,"duration_ms":null,"action_id":null,"operator":null,"reason":null}]}""",
                1, 1);
        }
    }
}
