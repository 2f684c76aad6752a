using System.Diagnostics;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.NationalPortal.Sandbox;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>One host (child process, own embedded PostgreSQL with fsync on) with only the measured flows on — pushed
/// <c>danh-gia</c> evaluations routed to iGate (<c>evaluations</c>) and iGate dossiers pulled every second to the National
/// Portal (<c>dossiers</c>) — fed a steady inflow of both by <see cref="FeedAsync"/>, then read back from its database.</summary>
internal sealed class LatencyRig : IAsyncDisposable
{
    /// <summary>Dossiers iGate holds before the host starts, evaluated by the pushes (the dossiers flow also reads them).</summary>
    public const int PushDossiers = 2_000;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly IGateSandbox _iGate;
    private readonly NationalPortalSandbox _portal;
    private readonly BenchFolder _folder;
    private readonly HttpClient _hub;
    private HostProcess? _host;
    private SteadyPushClient? _pushes;
    private long _pulled;

    private LatencyRig(IGateSandbox iGate, NationalPortalSandbox portal, BenchFolder folder, Uri hubUrl)
    {
        _iGate = iGate;
        _portal = portal;
        _folder = folder;
        HubUrl = hubUrl;
        _hub = new HttpClient { BaseAddress = hubUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri HubUrl { get; }

    public HostProcess Host => _host!;

    public EmbeddedCluster Cluster => new(_folder.PgData);

    public long PushesAccepted => _pushes!.Accepted;

    public long PushesFailed => _pushes!.Refused + _pushes.Errors;

    /// <summary>Records added to iGate's dossier feed by the inflow (besides the <see cref="PushDossiers"/>).</summary>
    public long Pulled => Interlocked.Read(ref _pulled);

    public string DatabaseConnectionString => HubDatabase.ConnectionString(_folder);

    public static async Task<LatencyRig> StartAsync(string name, bool wake, string hostDll, IReadOnlyList<KeyValuePair<string, string>> hostSettings, CancellationToken cancellationToken)
    {
        var iGate = new IGateSandbox(new IGateSandboxOptions { ApiKey = SandboxPair.ApiKey, Seed = 13, Dossiers = new IGateDossierFeedOptions { InitialCount = 0 } });
        var portal = new NationalPortalSandbox(new NationalPortalSandboxOptions { ProcedureCount = 0, Username = SandboxPair.Username, Password = SandboxPair.Password });
        var rig = new LatencyRig(iGate, portal, BenchFolder.Create(), new Uri($"http://127.0.0.1:{FreePort.Next()}/"));
        try
        {
            var codes = iGate.Dossiers.Generate(PushDossiers, 0);
            await iGate.StartAsync(cancellationToken);
            await portal.StartAsync(cancellationToken);
            var settings = HostSettings.Common(hostDll, ["dossiers", "evaluations"], portal.BaseAddress!, iGate.BaseAddress!, rig._folder, rig.HubUrl);
            settings["Connectors__igate__BatchSize"] = "1000";
            settings["Flows__dossiers__Schedule"] = "* * * * * ?";
            settings["Flows__dossiers__RunOnStart"] = "true";
            settings["Inbound__MaxInboxDepth"] = "100000000";
            settings["Hub__Wake__Enabled"] = wake ? "true" : "false";

            // The host's own idle sandboxes on free ports: another hub or benchmark on this machine may hold the default ones.
            foreach (var connector in Directory.EnumerateFiles(Path.Combine(Path.GetDirectoryName(hostDll)!, "config", "connectors"), "*.json"))
            {
                settings[$"Sandboxes__{Path.GetFileNameWithoutExtension(connector)}__Port"] = "0";
            }

            foreach (var (key, value) in hostSettings)
            {
                settings[key] = value;
            }

            Console.WriteLine($"{name}: starting the host in {rig._folder.Root} (log {rig._folder.HostLog}), Hub:Wake:Enabled={settings["Hub__Wake__Enabled"]}");
            await rig.StartHostAsync(name, hostDll, settings, cancellationToken);

            // Commit times split a message's latency (see LatencySplit); the setting takes a PostgreSQL restart, so a host restart.
            await using (var connection = new NpgsqlConnection(rig.DatabaseConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var track = new NpgsqlCommand("alter system set track_commit_timestamp = on", connection);
                await track.ExecuteNonQueryAsync(cancellationToken);
            }

            if (!await rig._host!.StopAsync(StopTimeout))
            {
                throw new BenchmarkException("The host did not stop for its restart with track_commit_timestamp.");
            }

            await rig._host.DisposeAsync();
            rig._host = null;
            await rig.StartHostAsync(name, hostDll, settings, cancellationToken);
            rig._pushes = new SteadyPushClient(rig.HubUrl, codes);
            return rig;
        }
        catch
        {
            rig._host?.PrintTails(Path.Combine(rig._folder.PostgresFolder, "postgres.log"));
            await rig.DisposeAsync();
            throw;
        }
    }

    private async Task StartHostAsync(string name, string hostDll, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        _host = HostProcess.Start(hostDll, _folder, settings);
        using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readyWait = HubWaits.ReadyAsync(_hub, Stopwatch.StartNew(), startTimeout.Token);
        while (!readyWait.IsCompleted && !_host.HasExited)
        {
            await Task.WhenAny(readyWait, Task.Delay(500, cancellationToken));
        }

        if (!readyWait.IsCompleted)
        {
            await startTimeout.CancelAsync();
            throw new BenchmarkException($"The host exited at start with code {_host.ExitCode}.");
        }

        var ready = await readyWait;
        Console.WriteLine($"{name}: /health/ready after {ready.TotalSeconds:N1} s");
    }

    /// <summary>Feeds <paramref name="rate"/> messages a second for <paramref name="duration"/> (or until
    /// <paramref name="stopAfter"/> messages): the <paramref name="pullShare"/> as new iGate dossiers, the rest as pushes.</summary>
    /// <returns>The feed's start and end (UTC) and the messages fed.</returns>
    public async Task<(DateTimeOffset From, DateTimeOffset To, long Fed)> FeedAsync(
        double rate, double pullShare, TimeSpan duration, long stopAfter, Action<long>? onTick, CancellationToken cancellationToken)
    {
        var from = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        long pushes = 0, pulls = 0;
        while (clock.Elapsed < duration && pushes + pulls < stopAfter)
        {
            if (Host.HasExited)
            {
                throw new BenchmarkException($"The host exited during the feed with code {Host.ExitCode}.");
            }

            var due = Math.Min(stopAfter, (long)(clock.Elapsed.TotalSeconds * rate));
            var pullsDue = (long)(due * pullShare);
            if (pullsDue > pulls)
            {
                _iGate.Dossiers.Generate((int)(pullsDue - pulls), 0);
                Interlocked.Add(ref _pulled, pullsDue - pulls);
                pulls = pullsDue;
            }

            for (; pushes < due - pullsDue; pushes++)
            {
                await _pushes!.SendOneAsync(cancellationToken);
            }

            onTick?.Invoke(pushes + pulls);
            await Task.Delay(Tick, cancellationToken);
        }

        await _pushes!.DrainAsync(cancellationToken);
        return (from, DateTimeOffset.UtcNow, pushes + pulls);
    }

    /// <summary>Waits until every accepted push and every iGate dossier is a message, and none is pending or unrouted.</summary>
    public async Task SettleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (evaluations, dossiers, open) = await CountsAsync(cancellationToken);
            if (evaluations == PushesAccepted && dossiers == _iGate.Dossiers.Count && open == 0)
            {
                return;
            }

            if (Host.HasExited || clock.Elapsed > timeout)
            {
                throw new BenchmarkException($"Not settled after {clock.Elapsed.TotalSeconds:N0} s: {evaluations:N0}/{PushesAccepted:N0} evaluations, " +
                    $"{dossiers:N0}/{_iGate.Dossiers.Count:N0} dossiers as messages, {open:N0} pending or unrouted" + (Host.HasExited ? "; the host exited" : ""));
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>Push (the inbox's received_at) and pulled read (the message's received_at) to its 'delivered' log line,
    /// over messages received in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<(LatencyFigures Push, LatencyFigures Pull)> LatencyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        // Statistics first: the tables grew faster than autovacuum looks, and a plan made for empty tables loops for minutes.
        await using (var analyze = new NpgsqlCommand("analyze hub.inbox; analyze hub.messages; analyze hub.message_log", connection) { CommandTimeout = 600 })
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        var push = await FiguresAsync(connection, PushLatencySql, from, to, cancellationToken);
        var pull = await FiguresAsync(connection, PullLatencySql, from, to, cancellationToken);
        return (push with { Split = await SplitAsync(connection, "evaluations", from, to, cancellationToken) },
            pull with { Split = await SplitAsync(connection, "dossiers", from, to, cancellationToken) });
    }

    /// <summary>Nothing lost or doubled: every accepted push is one evaluation at iGate and every iGate dossier one
    /// dossier at the portal (neither applied twice), and no message of the hub has two 'delivered' lines.</summary>
    public async Task<ExactlyOnceFigures> ExactlyOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            select (select count(*) from (select message_id from hub.message_log where event = 'delivered' group by message_id having count(*) > 1) d),
                   (select count(*) from hub.deliveries where status <> 'delivered')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var evaluations = _iGate.EvaluationStats();
        var portal = _portal.DossierStats;
        return new ExactlyOnceFigures(
            PushesAccepted, evaluations.TotalAppliedWrites, evaluations.DuplicatesIgnored,
            _iGate.Dossiers.Count, portal.DossierCount, portal.DossierUpdates, portal.DuplicatesIgnored,
            reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task<long> DatabaseConnectionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select count(*) - 1 from pg_stat_activity where backend_type = 'client backend'", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<(bool Exited, IReadOnlyList<string> Problems)> StopAsync()
    {
        var exited = await Host.StopAsync(StopTimeout);
        return (exited, Host.Log.Problems());
    }

    public async ValueTask DisposeAsync()
    {
        _pushes?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _hub.Dispose();
        _folder.Dispose();
        await _iGate.DisposeAsync();
        await _portal.DisposeAsync();
    }

    private const string PushLatencySql =
        """
        with pushed as materialized (
                select 'inbound:' || partner_message_id as version, received_at from hub.inbox
                where partner = 'dvcqg' and received_at >= @from and received_at < @to),
             evaluations as materialized (select id, version, received_at as routed_at from hub.messages where flow_id = 'evaluations')
        select percentile_cont(array[0.5, 0.99]) within group (order by extract(epoch from l.at - p.received_at)), count(*),
               percentile_cont(array[0.5, 0.99]) within group (order by extract(epoch from m.routed_at - p.received_at))
        from pushed p join evaluations m using (version) join hub.message_log l on l.message_id = m.id and l.event = 'delivered'
        """;

    private const string PullLatencySql =
        """
        select percentile_cont(array[0.5, 0.99]) within group (order by extract(epoch from l.at - m.received_at)), count(*), null::float8[]
        from hub.messages m join hub.message_log l on l.message_id = m.id and l.event = 'delivered'
        where m.flow_id = 'dossiers' and m.received_at >= @from and m.received_at < @to
        """;

    /// <summary>Over a flow's messages stored in the window (for pushes: routed), by commit timestamps.</summary>
    private const string SplitSql =
        """
        with m as materialized (
                select id, received_at, pg_xact_commit_timestamp(xmin) as committed from hub.messages
                where flow_id = @flow and received_at >= @from and received_at < @to),
             d as materialized (
                select m.received_at, m.committed, l.at, l.duration_ms / 1000.0 as write, pg_xact_commit_timestamp(l.xmin) as recorded
                from m join hub.message_log l on l.message_id = m.id and l.event = 'delivered'),
             -- A batch's lines share their 'at' (its write's end): from one batch's write end to the next one's write start.
             gaps as (
                select extract(epoch from at - lag(at) over (order by at)) - write as gap
                from (select distinct at, write from d) b)
        select percentile_cont(array[0.5, 0.99]) within group (order by extract(epoch from committed - received_at)),
               percentile_cont(array[0.5, 0.99]) within group (order by extract(epoch from at - committed) - write),
               percentile_cont(array[0.5, 0.99]) within group (order by write),
               percentile_cont(array[0.5, 0.99]) within group (order by extract(epoch from recorded - at)),
               count(distinct at),
               (select percentile_cont(array[0.5, 0.99]) within group (order by gap) from gaps)
        from d
        """;

    private static async Task<LatencySplit?> SplitAsync(NpgsqlConnection connection, string flow, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SplitSql, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("flow", flow);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.IsDBNull(0) || reader.IsDBNull(1) || reader.IsDBNull(3))
        {
            return null;
        }

        double[] Ms(int column) => [.. reader.GetFieldValue<double[]>(column).Select(s => s * 1000)];
        var (committed, waited, write, recorded) = (Ms(0), Ms(1), Ms(2), Ms(3));
        var between = reader.IsDBNull(5) ? [double.NaN, double.NaN] : Ms(5);
        return new LatencySplit(committed[0], committed[1], waited[0], waited[1], write[0], write[1], recorded[0], recorded[1], reader.GetInt64(4), between[0], between[1]);
    }

    private static async Task<LatencyFigures> FiguresAsync(NpgsqlConnection connection, string sql, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var percentiles = reader.IsDBNull(0) ? [double.NaN, double.NaN] : reader.GetFieldValue<double[]>(0);
        var routed = reader.IsDBNull(2) ? null : reader.GetFieldValue<double[]>(2);
        return new LatencyFigures(percentiles[0] * 1000, percentiles[1] * 1000, reader.GetInt64(1), routed?[0] * 1000, routed?[1] * 1000);
    }

    private async Task<(long Evaluations, long Dossiers, long Open)> CountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            select (select count(*) from hub.messages where flow_id = 'evaluations'), (select count(distinct record_key) from hub.messages where flow_id = 'dossiers'),
                   (select count(*) from hub.deliveries where status = 'pending') + (select count(*) from hub.inbox_unrouted)
            """, connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
