using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using Xunit;
using Xunit.Abstractions;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>A 50 MB attachment goes through a file both ways while the managed heap stays small: the writer and reader
/// stream base64 in chunks instead of materialising the content (50 MB) or its base64 text (67 MB, 134 MB as chars).</summary>
[Collection(LargeAttachmentCollection.Name)]
public sealed class EdXmlLargeAttachmentTests(ITestOutputHelper output) : IDisposable
{
    private const long Size = 50L * 1024 * 1024;
    private const ulong Seed = 20261128;

    /// <summary>Total bytes allocated (not just retained) by each direction. Streaming needs well under 1 MB; the bound
    /// leaves room for runtime noise yet is far below any buffer that could hold the attachment.</summary>
    private const long AllocationBudget = 8L * 1024 * 1024;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"edxml-large-{Guid.NewGuid():N}.xml");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task Fifty_megabyte_attachment_round_trips_in_bounded_memory()
    {
        var expectedHash = Sha256Sink.Of(new SeededContentStream(Size, Seed));
        var envelope = EdXmlSamples.Envelope(0) with
        {
            Attachments = [new EdXmlAttachment
            {
                Info = new EdXmlAttachmentInfo { ContentId = "big", ContentType = "application/pdf", AttachmentName = "big.pdf" },
                OpenContent = () => new SeededContentStream(Size, Seed),
            }],
        };
        var sink = new Sha256Sink();

        var written = await Measure(async () =>
        {
            await using var file = new FileStream(_file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await new EdXmlWriter().WriteAsync(envelope, file);
        });
        EdXmlReceivedEnvelope? received = null;
        var read = await Measure(async () =>
        {
            await using var file = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            received = await new EdXmlReader().ReadAsync(file, _ => sink);
        });

        output.WriteLine($"file {new FileInfo(_file).Length:N0} B; allocated writing {written.Allocated:N0} B, reading {read.Allocated:N0} B; " +
                         $"heap growth writing {written.HeapGrowth:N0} B, reading {read.HeapGrowth:N0} B");
        Assert.Equal(expectedHash, sink.Sha256);
        Assert.Equal(Size, sink.Written);
        Assert.Equal(Size, Assert.Single(received!.Attachments).Length);
        Assert.True(new FileInfo(_file).Length > Size * 4 / 3, "the file holds the base64 of the whole attachment");
        Assert.InRange(written.Allocated, 0, AllocationBudget);
        Assert.InRange(read.Allocated, 0, AllocationBudget);
    }

    private static async Task<(long Allocated, long HeapGrowth)> Measure(Func<Task> action)
    {
        // Process-wide and precise, because async continuations may run on any pool thread.
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await action();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        return (allocated, GC.GetTotalMemory(forceFullCollection: false) - heapBefore);
    }
}
