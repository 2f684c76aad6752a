using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationHub.Benchmarks;

/// <summary>The same signed 1 KB pushes driven by wrk (Debian's package), whose C event loop costs the shared 2 cores
/// far less than an HttpClient per request. wrk cannot sign, so every request is signed beforehand (fresh nonce,
/// distinct messageId, current timestamp) into one file per wrk thread, which a Lua script turns into wrk's requests.
/// A warm-up run and the measured run each use their own requests; none is sent twice.</summary>
internal static partial class InboundWrkLoad
{
    private const int Threads = 2;
    private const string Path = $"/api/inbound/{InboundLoadClient.Partner}/{InboundLoadClient.MessageType}";

    public static bool Available => File.Exists("/usr/bin/wrk");

    public static async Task<InboundLoadResult> RunAsync(
        Uri hubUrl, int connections, TimeSpan warmup, TimeSpan window, int expectedRate, string folder,
        Func<Task> atWindowStart, Func<Task> atWindowEnd, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var script = System.IO.Path.Combine(folder, "signed-requests.lua");
        await File.WriteAllTextAsync(script, LuaScript, cancellationToken);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var warm = await RunWrkAsync(hubUrl, connections, warmup, Sign(folder, $"{runId}w", (int)(expectedRate * warmup.TotalSeconds)), script, cancellationToken);
        var files = Sign(folder, $"{runId}m", (int)(expectedRate * window.TotalSeconds));
        await atWindowStart();
        var measured = await RunWrkAsync(hubUrl, connections, window, files, script, cancellationToken);
        await atWindowEnd();
        foreach (var file in Directory.GetFiles(folder, "requests-*.txt"))
        {
            File.Delete(file);
        }

        var samples = measured.Other > 0 ? ["non-2xx from wrk: if 401 nonce_replayed, it ran out of pre-signed requests (raise --wrk-rate)"] : new List<string>();
        return new InboundLoadResult(connections, measured.Duration, measured.Accepted, measured.Other, warm.Accepted + measured.Accepted, 0, 0,
            warm.Other + measured.Other, warm.SocketErrors + measured.SocketErrors, new Dictionary<int, long>(), samples,
            measured.P50Ms, measured.P99Ms, double.NaN, measured.MaxMs, clock.Elapsed, InFlightAtStop: 2L * connections);
    }

    /// <returns>One file per wrk thread: nonce, timestamp, signature and body per line.</returns>
    private static string[] Sign(string folder, string runId, int count)
    {
        var secret = Encoding.UTF8.GetBytes(InboundLoadClient.Secret);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var files = Enumerable.Range(0, Threads).Select(t => System.IO.Path.Combine(folder, $"requests-{runId}-{t}.txt")).ToArray();
        var writers = files.Select(f => new StreamWriter(f, false, new UTF8Encoding(false), 1 << 20)).ToArray();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var nonce = $"w{runId}{i:D10}";
                var body = Body($"wrk-{runId}-{i:D10}", i);
                var canonical = $"POST\n{Path}\n{timestamp}\n{nonce}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}";
                var signature = Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(canonical)));
                writers[i % Threads].Write($"{nonce}\t{timestamp}\t{signature}\t{body}\n");
            }
        }
        finally
        {
            foreach (var writer in writers)
            {
                writer.Dispose();
            }
        }

        return files;
    }

    /// <summary>{"messageId":...,"data":{...}} padded to exactly 1,024 bytes, like the .NET client's.</summary>
    private static string Body(string messageId, int i)
    {
        string Json(string padding) =>
            $$$"""{"messageId":"{{{messageId}}}","data":{"MaHoSo":"G22.{{{i % 1000:D3}}}-WRK","DiemDanhGia":4,"NoiDungDanhGia":"{{{padding}}}","ThoiGianDanhGia":"20250601093000"}}""";
        var bare = Encoding.UTF8.GetByteCount(Json(string.Empty));
        return Json(new string('x', InboundLoadClient.BodyBytes - bare));
    }

    private static async Task<WrkRun> RunWrkAsync(Uri hubUrl, int connections, TimeSpan duration, string[] files, string script, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t", Threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "30s", "--latency", "-s", script, hubUrl.ToString().TrimEnd('/'), "--", Path, InboundLoadClient.ApiKey })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var file in files)
        {
            info.ArgumentList.Add(file);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BenchmarkException($"wrk exited with {process.ExitCode}: {errors}{output}");
        }

        return WrkRun.Parse(output);
    }

    private sealed partial record WrkRun(long Requests, long Other, long SocketErrors, TimeSpan Duration, double P50Ms, double P99Ms, double MaxMs)
    {
        public long Accepted => Requests - Other;

        public static WrkRun Parse(string output)
        {
            var total = RequestsLine().Match(output);
            if (!total.Success)
            {
                throw new BenchmarkException($"Unexpected wrk output:\n{output}");
            }

            double Ms(string text)
            {
                var m = DurationText().Match(text);
                var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, "m" => value * 60_000, _ => value };
            }

            string Percentile(string p) => Regex.Match(output, $@"^\s*{p}%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;
            var non2xx = Regex.Match(output, @"Non-2xx or 3xx responses:\s+(\d+)");
            var sockets = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
            var latencyMax = Regex.Match(output, @"^\s*Latency\s+\S+\s+\S+\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;
            return new WrkRun(
                long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
                non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                sockets.Success ? Enumerable.Range(1, 4).Sum(g => long.Parse(sockets.Groups[g].Value, CultureInfo.InvariantCulture)) : 0,
                TimeSpan.FromMilliseconds(Ms(total.Groups[2].Value)),
                Ms(Percentile("50")), Ms(Percentile("99")), Ms(latencyMax));
        }

        [GeneratedRegex(@"(\d+) requests in ([\d.]+\w+),")]
        private static partial Regex RequestsLine();

        [GeneratedRegex(@"([\d.]+)(us|ms|s|m)\b")]
        private static partial Regex DurationText();
    }

    // setup() numbers the threads; each thread loads its own file of pre-signed requests and sends each once.
    private const string LuaScript = """
        local next_id = 0
        function setup(thread)
          thread:set("id", next_id)
          next_id = next_id + 1
        end

        function init(args)
          local path, key = args[1], args[2]
          requests = {}
          for line in io.lines(args[3 + id]) do
            local nonce, ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
            requests[#requests + 1] = wrk.format("POST", path,
              { ["Content-Type"] = "application/json", ["X-Api-Key"] = key, ["X-Timestamp"] = ts, ["X-Nonce"] = nonce, ["X-Signature"] = sig }, body)
          end
          index = 0
        end

        function request()
          index = index + 1
          if index > #requests then
            -- Out of signed requests: resend the last (refused as a replay, so it shows as non-2xx).
            index = #requests
          end
          return requests[index]
        end
        """;
}
