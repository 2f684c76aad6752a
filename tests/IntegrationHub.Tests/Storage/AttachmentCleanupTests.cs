using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace IntegrationHub.Tests.Storage;

/// <summary>The daily housekeeping of the attachment store: scheduled at start, it removes uploads a dead run left
/// unfinished and keeps everything completed or recent.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AttachmentCleanupTests(PostgresCluster cluster)
{
    [Fact]
    public async Task The_scheduled_cleanup_removes_only_old_unfinished_uploads()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        var store = hub.Services.GetRequiredService<IAttachmentStore>();

        var trigger = await (await hub.Services.GetRequiredService<ISchedulerFactory>().GetScheduler())
            .GetTrigger(new TriggerKey("attachments:cleanup", "maintenance"));
        Assert.Equal("0 30 3 * * ?", Assert.IsAssignableFrom<ICronTrigger>(trigger).CronExpressionString);

        AttachmentReference completed;
        await using (var done = store.BeginUpload("xong.pdf", "application/pdf"))
        {
            await done.Content.WriteAsync(new byte[] { 1, 2, 3 });
            completed = await done.CompleteAsync(CancellationToken.None);
        }

        await using var stale = store.BeginUpload("cu.pdf", "application/pdf");
        await stale.Content.WriteAsync(new byte[] { 4, 5, 6 });
        await stale.Content.DisposeAsync();
        await using var recent = store.BeginUpload("moi.pdf", "application/pdf");
        await recent.Content.WriteAsync(new byte[] { 7, 8, 9 });
        await recent.Content.DisposeAsync();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var age = new NpgsqlCommand("update hub.attachments set created_at = created_at - interval '2 days' where completed_at is null and name = 'cu.pdf'", connection);
            Assert.Equal(1, await age.ExecuteNonQueryAsync());
            await using var backdateCompleted = new NpgsqlCommand("update hub.attachments set created_at = created_at - interval '2 days' where completed_at is not null", connection);
            Assert.Equal(1, await backdateCompleted.ExecuteNonQueryAsync());
        }

        var removed = await ActivatorUtilities.CreateInstance<AttachmentCleanupJob>(hub.Services).RunAsync(CancellationToken.None);

        Assert.Equal(1, removed);
        await using (var read = store.OpenRead(completed))
        {
            Assert.Equal(1, read.ReadByte());
        }

        Assert.NotNull(await recent.CompleteAsync(CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => stale.CompleteAsync(CancellationToken.None));
    }
}
