using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Storage;
using Npgsql;

namespace IntegrationHub.Host.PersonalData;

/// <summary>Encrypts the citizen lookups and the payloads (messages, inbox) a hub before migration 0041 stored in clear,
/// and gives payloads stored before 0045 their plaintext hash (<see cref="StoredPayloadRewriter.ProtectStoredBeforeAsync"/>),
/// once the hub serves: done before, a big history delayed the first start after the upgrade. In batches of <c>Hub:PersonalData:RewriteBatchSize</c>, each
/// its own transaction, so a stop loses at most one batch and the next start goes on with the rows still in clear;
/// progress is logged; one host at a time (<see cref="FlowLock"/>: another host waits, then finds nothing left). Meanwhile the lookup search also finds a clear row by its id (CitizenLookupStore).</summary>
public sealed class PersonalDataClearRowsJob(
    NpgsqlDataSource dataSource,
    PersonalDataRewriter rewriter,
    StoredPayloadRewriter payloads,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<PersonalDataClearRowsJob> logger) : BackgroundService
{
    /// <summary>The advisory lock's name (hashed with <c>hashtextextended(name, 0)</c>).</summary>
    public const string LockName = "personal-data:clear-lookups";

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await StartedAsync(stoppingToken);
            while (true)
            {
                try
                {
                    await EncryptAsync(stoppingToken);
                    return;
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException && !stoppingToken.IsCancellationRequested)
                {
                    // The rows stay readable in clear (and found by the search): a later try finishes the work.
                    logger.LogWarning("Encrypting the citizen lookups stored in clear stopped, tried again in {Delay}: {Error}", RetryAfter, PersonalDataMask.MaskText(e.Message));
                    await Task.Delay(RetryAfter, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the rows left in clear are encrypted at the next start.
        }
    }

    /// <summary>Waits until the host has started (the server takes requests).</summary>
    private async Task StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    private async Task EncryptAsync(CancellationToken stoppingToken)
    {
        if (await ClearRowsAsync(stoppingToken) == 0 && await payloads.StoredBeforeCountAsync(stoppingToken) == 0)
        {
            return;
        }

        await using var held = await FlowLock.AcquireAsync(dataSource, LockName, stoppingToken);
        var total = await ClearRowsAsync(stoppingToken);
        if (total > 0)
        {
            logger.LogInformation("Encrypting the personal ids of {Rows} citizen lookup(s) stored in clear, while the hub serves", total);
            var lastLog = timeProvider.GetTimestamp();
            var rewrite = await rewriter.EncryptClearRowsAsync(stoppingToken, done =>
            {
                if (timeProvider.GetElapsedTime(lastLog) >= ProgressEvery)
                {
                    lastLog = timeProvider.GetTimestamp();
                    logger.LogInformation("Encrypted {Done} of {Rows} citizen lookup(s) stored in clear", done, total);
                }
            });
            logger.LogInformation("No citizen lookup is stored in clear any more ({Rows} encrypted under key {KeyId})", rewrite.Rewritten, rewrite.CurrentKey);
        }

        await ProtectPayloadsAsync(stoppingToken);
    }

    private async Task ProtectPayloadsAsync(CancellationToken stoppingToken)
    {
        var total = await payloads.StoredBeforeCountAsync(stoppingToken);
        if (total == 0)
        {
            return;
        }

        logger.LogInformation("Encrypting the personal ids of {Rows} stored payload(s) from before payload encryption and taking their plaintext hash, while the hub serves", total);
        var lastLog = timeProvider.GetTimestamp();
        var unreadable = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = await payloads.ProtectStoredBeforeAsync(unreadable, rows =>
        {
            if (timeProvider.GetElapsedTime(lastLog) >= ProgressEvery)
            {
                lastLog = timeProvider.GetTimestamp();
                logger.LogInformation("Encrypted {Done} of {Rows} stored payload(s)", rows, total);
            }
        }, stoppingToken);
        logger.LogInformation("Stored payloads from before payload encryption done: {Rows} rewritten, {Unreadable} left as they were (unreadable: {Keys})",
            done, unreadable.Values.Sum(), string.Join(", ", unreadable.Keys));
    }

    private async Task<long> ClearRowsAsync(CancellationToken cancellationToken)
    {
        // Through the partial index of the rows to rewrite (migration 0041): cheap once they are done.
        await using var count = dataSource.CreateCommand("select count(*) from hub.citizen_lookups where personal_id is not null");
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }
}
