using System.Security.Cryptography;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace IntegrationHub.Tests.Storage;

/// <summary>The attachment store's upload life cycle on a real database: buffers given back when the content sink is
/// disposed (the edXML reader does that after each attachment, long before the document's uploads are completed),
/// CompleteAsync idempotent and refusing an upload deleted underneath it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAttachmentStoreTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Many_uploads_whose_content_is_disposed_before_completing_give_their_buffers_back_and_complete_correctly()
    {
        await using var db = await MigratedAsync();
        var store = new PostgresAttachmentStore(db, TimeProvider.System);
        const int count = 300;
        var contents = Enumerable.Range(0, count).Select(i => Content(i % 7 == 0 ? 0 : 100 + i, i)).ToList();
        var uploads = new List<IAttachmentUpload>(count);
        await WriteDisposedAsync(store, contents.Take(20), []);

        // As DocumentDownload does: every attachment's sink written and disposed, completion only after the envelope.
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        await WriteDisposedAsync(store, contents, uploads);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        var references = new List<AttachmentReference>(count);
        foreach (var upload in uploads)
        {
            references.Add(await upload.CompleteAsync(default));
            await upload.DisposeAsync();
        }

        // Kept buffers would cost a fresh 1 MiB array per upload (300 MiB); given back, the pool hands the same one out again.
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated / (1024 * 1024)} MiB allocated for {count} small uploads: their chunk buffers were not given back");
        for (var i = 0; i < count; i++)
        {
            Assert.Equal((contents[i].LongLength, Sha256(contents[i])), (references[i].Length, references[i].Sha256));
            Assert.Equal(contents[i], await ReadAllAsync(store, references[i]));
        }
    }

    [Fact]
    public async Task Completing_again_after_a_failed_completion_gives_the_hash_of_the_content_not_of_nothing()
    {
        await using var db = await MigratedAsync();
        var store = new PostgresAttachmentStore(db, TimeProvider.System);
        var content = Content(PostgresAttachmentStore.ChunkSize + 5, 1);
        await using var upload = store.BeginUpload("a.pdf", "application/pdf");
        await upload.Content.WriteAsync(content);

        // The row exists (the first chunk is written); a lock that lets chunks in but holds the completing UPDATE.
        await using (var blocker = await db.OpenConnectionAsync())
        await using (var transaction = await blocker.BeginTransactionAsync())
        {
            await using (var hold = new NpgsqlCommand("select id from hub.attachments for no key update", blocker, transaction))
            {
                Assert.NotNull(await hold.ExecuteScalarAsync());
            }

            using var cancel = new CancellationTokenSource();
            var completing = upload.CompleteAsync(cancel.Token);
            await Eventually.ReturnsAsync(() => WaitingUpdatesAsync(db), n => n == 1, Patience, "the completing UPDATE waiting for the lock");
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => completing);
            await transaction.RollbackAsync();
        }

        var first = await upload.CompleteAsync(default);
        Assert.Equal((content.LongLength, Sha256(content)), (first.Length, first.Sha256));
        var again = await upload.CompleteAsync(default);

        Assert.Equal(first, again);
        Assert.Equal(content, await ReadAllAsync(store, first));
    }

    [Fact]
    public async Task An_upload_deleted_as_abandoned_before_it_completes_fails_to_complete_instead_of_giving_a_reference_to_nothing()
    {
        await using var db = await MigratedAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        var store = new PostgresAttachmentStore(db, clock);
        await using var upload = store.BeginUpload("slow.pdf", "application/pdf");
        await upload.Content.WriteAsync(Content(PostgresAttachmentStore.ChunkSize, 2));
        clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await store.DeleteAbandonedAsync(TimeSpan.FromDays(1), default));

        await Assert.ThrowsAsync<FileNotFoundException>(() => upload.CompleteAsync(default));
    }

    private static async Task WriteDisposedAsync(PostgresAttachmentStore store, IEnumerable<byte[]> contents, List<IAttachmentUpload> uploads)
    {
        foreach (var content in contents)
        {
            var upload = store.BeginUpload("tệp.pdf", "application/pdf");
            await upload.Content.WriteAsync(content);
            await upload.Content.DisposeAsync();
            uploads.Add(upload);
        }
    }

    private static async Task<int> WaitingUpdatesAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand(
            "select count(*)::int from pg_stat_activity where wait_event_type = 'Lock' and query like 'update hub.attachments%'");
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<byte[]> ReadAllAsync(IAttachmentStore store, AttachmentReference reference)
    {
        await using var stream = store.OpenRead(reference);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static byte[] Content(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private async Task<NpgsqlDataSource> MigratedAsync()
    {
        var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        return db;
    }
}
