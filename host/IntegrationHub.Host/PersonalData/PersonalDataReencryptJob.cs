using Hangfire;
using Hangfire.Server;
using IntegrationHub.Host.Storage;
using Npgsql;

namespace IntegrationHub.Host.PersonalData;

/// <summary>The Hangfire job of a rotation (<c>POST /api/personal-data/reencrypt</c>): re-encrypts every stored personal
/// id not under the current key (<see cref="PersonalDataRewriter.ReencryptAsync"/>, in batches, one transaction each, so
/// a retry or a repeat goes on with the rows left) and records the operator action when done. Hangfire's retries apply
/// (a database failure); one host at a time: <see cref="FlowLock"/> <see cref="LockName"/> (a
/// second job waits, then finds nothing left). Progress is logged every 10 s.</summary>
public sealed class PersonalDataReencryptJob(
    NpgsqlDataSource dataSource, PersonalDataRewriter rewriter, TimeProvider timeProvider, ILogger<PersonalDataReencryptJob> logger)
{
    /// <summary>The advisory lock's name (hashed with <c>hashtextextended(name, 0)</c>).</summary>
    public const string LockName = "personal-data:reencrypt";

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    [JobDisplayName("Personal data: re-encrypt under the current key (by {0})")]
    public async Task RunAsync(string operatorName, string reason, PerformContext? context, CancellationToken cancellationToken)
    {
        var jobId = context?.BackgroundJob.Id;
        await using var held = await FlowLock.AcquireAsync(dataSource, LockName, cancellationToken);
        logger.LogInformation("Re-encrypting the stored personal ids under the current key (job {JobId}, by {Operator})", jobId, operatorName);
        var lastLog = timeProvider.GetTimestamp();
        var (rewrite, actionId) = await rewriter.ReencryptAsync(operatorName, reason, jobId, cancellationToken, done =>
        {
            if (timeProvider.GetElapsedTime(lastLog) >= ProgressEvery)
            {
                lastLog = timeProvider.GetTimestamp();
                logger.LogInformation("Re-encryption job {JobId}: {Done} row(s) re-encrypted so far", jobId, done);
            }
        });
        logger.LogInformation("Re-encryption job {JobId} done: operator action {ActionId}, {Rows} lookup(s) and {Payloads} payload(s) under key {KeyId}",
            jobId, actionId, rewrite.Rewritten, rewrite.Payloads, rewrite.CurrentKey);
    }
}
