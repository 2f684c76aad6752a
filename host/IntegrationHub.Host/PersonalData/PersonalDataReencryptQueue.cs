using System.Text.Json;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.States;
using Hangfire.Storage;
using IntegrationHub.Contracts.Privacy;
using Npgsql;

namespace IntegrationHub.Host.PersonalData;

/// <summary>Queues a rotation as a <see cref="PersonalDataReencryptJob"/>, one at a time: the last one queued is kept in
/// Hangfire's storage (hash <see cref="Hash"/>), and another is refused while it has not ended (queued, running, or
/// waiting for a retry); a Hangfire distributed lock makes the check and the queueing one step across hosts. Reads a
/// job's outcome from its Hangfire state and the operator action it recorded.</summary>
public sealed class PersonalDataReencryptQueue(
    IBackgroundJobClient jobs, JobStorage jobStorage, NpgsqlDataSource dataSource, ILogger<PersonalDataReencryptQueue> logger)
{
    /// <summary>The 409 code of a request while a rotation is queued or running.</summary>
    public const string RunningCode = "reencrypt_running";

    /// <summary>The Hangfire hash keeping the last rotation's job id.</summary>
    public const string Hash = "personal-data:reencrypt";

    /// <summary>Queueing takes milliseconds: a lock held longer is another request queueing one.</summary>
    private static readonly TimeSpan QueueLockTimeout = TimeSpan.FromSeconds(10);

    /// <returns>The job queued; or none, and the rotation queued or running (null: another request is queueing one).</returns>
    public (string? Queued, string? Running) Queue(string operatorName, string reason)
    {
        using var connection = jobStorage.GetConnection();
        try
        {
            using var queueing = connection.AcquireDistributedLock($"{Hash}:queue", QueueLockTimeout);
            if (connection.GetAllEntriesFromHash(Hash)?.GetValueOrDefault("jobId") is { } last && !Ended(connection.GetJobData(last)?.State))
            {
                return (null, last);
            }

            var jobId = jobs.Enqueue<PersonalDataReencryptJob>(job => job.RunAsync(operatorName, reason, null, CancellationToken.None));
            connection.SetRangeInHash(Hash, [new KeyValuePair<string, string>("jobId", jobId)]);
            logger.LogInformation("Re-encryption of the personal data queued by {Operator} (job {JobId}): {Reason}", operatorName, jobId, reason);
            return (jobId, null);
        }
        catch (Exception e) when (e is DistributedLockTimeoutException or PostgreSqlDistributedLockException)
        {
            return (null, null);
        }
    }

    /// <returns>The rotation job's state and outcome, or null when <paramref name="jobId"/> is no rotation the hub knows.</returns>
    public async Task<PersonalDataReencryptView?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        JobData? data;
        string? error = null;
        using (var connection = jobStorage.GetConnection())
        {
            data = connection.GetJobData(jobId);
            if (data is not null && data.Job?.Type != typeof(PersonalDataReencryptJob))
            {
                return null;
            }

            if (data?.State == FailedState.StateName && connection.GetStateData(jobId)?.Data is { } failed)
            {
                error = PersonalDataMask.MaskText(failed.TryGetValue("ExceptionMessage", out var message) ? message : "failed");
            }
        }

        var (operatorName, reason) = data?.Job.Args is [string who, string why, ..] ? (who, why) : (null, null);
        var done = await ActionAsync(jobId, cancellationToken);
        var state = data?.State switch
        {
            // Hangfire removes a succeeded job after a day: its operator action remains.
            null => done is null ? null : "succeeded",
            { } name when name == SucceededState.StateName => "succeeded",
            { } name when name == FailedState.StateName || name == DeletedState.StateName => "failed",
            { } name when name == ProcessingState.StateName => "running",
            _ => "queued",
        };
        if (state is null)
        {
            return null;
        }

        if (data?.State == DeletedState.StateName)
        {
            error = "Deleted in the Hangfire dashboard before it finished.";
        }

        return done is { } action && state == "succeeded"
            ? action with { JobId = jobId, State = state }
            : new PersonalDataReencryptView(jobId, state, operatorName, reason, Error: error);
    }

    private static bool Ended(string? state) =>
        state is null || state == SucceededState.StateName || state == FailedState.StateName || state == DeletedState.StateName;

    /// <returns>The operator action the job recorded when it finished (the first: should the host die between it and
    /// Hangfire marking the job succeeded, the retry finds nothing left and records an action with no rows).</returns>
    private async Task<PersonalDataReencryptView?> ActionAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select id, operator, reason, selection::text from hub.operator_actions
            where action = @action and selection->>'jobId' = @job order by id limit 1
            """);
        command.Parameters.AddWithValue("action", PersonalDataRewriter.Action);
        command.Parameters.AddWithValue("job", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        using var selection = JsonDocument.Parse(reader.GetString(3));
        var root = selection.RootElement;
        var unreadable = root.GetProperty("unreadable").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        return new PersonalDataReencryptView(jobId, "succeeded", reader.GetString(1), reader.GetString(2), reader.GetInt64(0),
            root.GetProperty("toKey").GetString(), root.GetProperty("rewritten").GetInt32(), root.GetProperty("payloads").GetInt32(), unreadable);
    }
}
