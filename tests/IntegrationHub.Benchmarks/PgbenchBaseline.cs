using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>The reference: pgbench against the host's own embedded PostgreSQL (same server, same settings, fsync on),
/// a custom script doing one single-row INSERT of a ~1 KB row per transaction (autocommit), as many clients as the load
/// client has connections, for a fixed time. The scratch table is dropped afterwards, then a CHECKPOINT.</summary>
internal static partial class PgbenchBaseline
{
    public const string Pgbench = "/usr/lib/postgresql/15/bin/pgbench";
    private const string Table = "public.bench_pgbench_insert";

    public static async Task<PgbenchResult> RunAsync(BenchFolder folder, int hostPid, int clients, int seconds, CancellationToken cancellationToken)
    {
        var (port, password) = HubDatabase.Endpoint(folder);
        var connectionString = HubDatabase.ConnectionString(folder);
        await ExecuteAsync(connectionString, $"drop table if exists {Table}; create table {Table} (id bigserial primary key, payload text not null)", cancellationToken);

        // A 1,000-character literal: with the id and tuple header the row is ~1 KB (below TOAST's 2 KB, so stored inline, uncompressed).
        var script = Path.Combine(folder.Root, "insert-1kb.sql");
        await File.WriteAllTextAsync(script, $"insert into {Table} (payload) values ('{new string('x', 1000)}');\n", cancellationToken);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var info = new ProcessStartInfo(File.Exists(Pgbench) ? Pgbench : "pgbench")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "hub", "-n", "-M", "prepared",
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, "integrationhub"];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["PGPASSWORD"] = password;
        var command = $"PGPASSWORD=(hub-password) {info.FileName} {string.Join(' ', arguments)}";
        var cluster = new EmbeddedCluster(folder.PgData);
        var cpuBefore = CpuSnapshot.Take(hostPid, cluster);
        var childBefore = ChildCpu.Seconds();
        var machineBefore = MachineCpu.BusySeconds();
        using var process = Process.Start(info) ?? throw new BenchmarkException($"Could not run {info.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        var cpu = CpuSnapshot.Take(hostPid, cluster).Since(cpuBefore);
        var pgbenchCpu = ChildCpu.Seconds() - childBefore;
        var machineBusy = MachineCpu.BusySeconds() - machineBefore;
        var output = await stdout + await stderr;
        if (process.ExitCode != 0 || TpsLine().Match(output) is not { Success: true } tps)
        {
            throw new BenchmarkException($"pgbench failed (exit {process.ExitCode}): {output.Trim()}");
        }

        var latency = LatencyLine().Match(output);
        await using var count = new NpgsqlConnection(connectionString);
        await count.OpenAsync(cancellationToken);
        long rows;
        await using (var select = new NpgsqlCommand($"select count(*) from {Table}", count))
        {
            rows = (long)(await select.ExecuteScalarAsync(cancellationToken))!;
        }

        await ExecuteAsync(connectionString, $"drop table {Table}; checkpoint", cancellationToken);
        return new PgbenchResult(
            command,
            clients,
            seconds,
            double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN,
            rows,
            cpu,
            pgbenchCpu,
            machineBusy);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyLine();
}

/// <summary>pgbench's figures: its tps, average latency, the rows it left, and CPU (host, PostgreSQL; pgbench itself apart).</summary>
internal sealed record PgbenchResult(string Command, int Clients, int Seconds, double Tps, double LatencyAverageMs, long Rows, CpuUse Cpu, double PgbenchCpu, double MachineBusy)
{
    public override string ToString()
    {
        var available = Environment.ProcessorCount * Cpu.Wall.TotalSeconds;
        return string.Join('\n',
            $"PGBENCH: {Tps:N0} tps (single-row INSERT of a ~1 KB row, autocommit, {Clients} clients, {Seconds} s, prepared statements; average latency {LatencyAverageMs:N2} ms; {Rows:N0} rows in the table)",
            $"  command: {Command}",
            $"  CPU: PostgreSQL {Cpu.Postgres:N1} s, pgbench {PgbenchCpu:N1} s, host (idle) {Cpu.Host:N1} s = " +
                $"{(Cpu.Postgres + PgbenchCpu + Cpu.Host) / available:P0} of {available:N1} CPU-s ({Environment.ProcessorCount} CPUs x {Cpu.Wall.TotalSeconds:N1} s); " +
                $"other processes on the machine {Math.Max(0, MachineBusy - Cpu.Postgres - PgbenchCpu - Cpu.Host - Cpu.Benchmark):N1} s");
    }
}
