using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>The connector tests' attachment store keeps <see cref="IAttachmentStore"/>'s contract as the host's store
/// does (it used to hand out a raw FileStream, check nothing on read and keep uploads never completed), so a connector
/// that misuses the store fails its tests rather than only in production.</summary>
public sealed class FileAttachmentStoreTests
{
    [Fact]
    public async Task Content_read_back_that_is_not_the_references_length_and_sha256_fails_as_invalid_data()
    {
        using var store = new FileAttachmentStore();
        var reference = store.Put("a.pdf", [1, 2, 3]);

        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(store, reference with { Sha256 = new string('0', 64) }));
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(store, reference with { Length = 2 }));
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(store, reference with { Length = 4 }));
        Assert.Equal([1, 2, 3], await ReadAllAsync(store, reference));
    }

    [Fact]
    public async Task A_missing_attachment_opens_lazily_and_fails_as_not_found_at_the_first_read()
    {
        using var store = new FileAttachmentStore();

        await using var stream = store.OpenRead(new AttachmentReference("nope", "a.pdf", "application/pdf", 1, new string('0', 64)));

        await Assert.ThrowsAsync<FileNotFoundException>(async () => await stream.ReadExactlyAsync(new byte[1]));
    }

    [Fact]
    public async Task The_content_sink_is_write_only_and_once_disposed_takes_no_writes_but_the_upload_still_completes_once()
    {
        using var store = new FileAttachmentStore();
        await using var upload = store.BeginUpload("a.pdf", "application/pdf");

        Assert.False(upload.Content.CanRead || upload.Content.CanSeek);
        await upload.Content.WriteAsync(new byte[] { 7, 8 });
        await upload.Content.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await upload.Content.WriteAsync(new byte[] { 9 }));
        var reference = await upload.CompleteAsync(default);

        Assert.Equal(reference, await upload.CompleteAsync(default));
        Assert.Equal([7, 8], await ReadAllAsync(store, reference));
        Assert.Equal((1, 0), (store.Completed, store.Pending));
    }

    [Fact]
    public async Task An_upload_disposed_without_completing_is_discarded()
    {
        using var store = new FileAttachmentStore();
        var upload = store.BeginUpload("a.pdf", "application/pdf");
        await upload.Content.WriteAsync(new byte[] { 1 });
        Assert.Equal(1, store.Pending);

        await upload.DisposeAsync();

        Assert.Equal((0, 0, 1), (store.Completed, store.Pending, store.Discarded));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => upload.CompleteAsync(default));
    }

    private static async Task<byte[]> ReadAllAsync(IAttachmentStore store, AttachmentReference reference)
    {
        await using var stream = store.OpenRead(reference);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
