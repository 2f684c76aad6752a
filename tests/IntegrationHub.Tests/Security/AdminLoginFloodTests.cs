using System.Diagnostics;
using System.Net;
using System.Text.Json;
using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Security;

/// <summary>Attacks on the admin login (HTTP Basic, PBKDF2): floods and guessing are refused with 429 before any
/// password is checked, per client address (as the hub sees it, after trusted proxies) and per user name, while the
/// real admin still gets in.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AdminLoginFloodTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const int Flood = 1000;
    private const int FloodConcurrency = 50;

    /// <summary>The shipped default (config/appsettings.json).</summary>
    private const int AttemptsPerAddress = 10;

    [Fact]
    public async Task A_flood_of_1000_wrong_logins_gets_429_and_the_admin_logs_in_from_another_address_in_under_a_second()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));

        // What one password check costs here without a flood (another user name, so the admin's budget is untouched),
        // after a first request has warmed the pipeline up.
        using (var anonymous = new HttpClient { BaseAddress = hub.BaseAddress })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/flows")).StatusCode);
        }

        using var quiet = LoopbackClient.From("127.0.0.3", hub.BaseAddress, "someone-else", "a-guess");
        var baseline = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Unauthorized, (await quiet.GetAsync("api/flows")).StatusCode);
        baseline.Stop();

        using var attacker = LoopbackClient.From("127.0.0.1", hub.BaseAddress);
        var refusedOnce = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = 0;
        var clock = Stopwatch.StartNew();
        var flood = Task.Run(async () =>
        {
            var outcomes = new List<(HttpStatusCode Status, string? RetryAfter, string Body)>();
            await Parallel.ForEachAsync(Enumerable.Range(0, Flood), new ParallelOptions { MaxDegreeOfParallelism = FloodConcurrency }, async (i, ct) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/flows");
                request.Headers.Authorization = LoopbackClient.Basic(TestHub.AdminUser, $"guess-{i}");
                using var response = await attacker.SendAsync(request, ct);
                var outcome = (response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync(ct));
                lock (outcomes)
                {
                    outcomes.Add(outcome);
                }

                Interlocked.Increment(ref answered);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    refusedOnce.TrySetResult();
                }
            });
            return outcomes;
        });

        // The worst moment: the flooding address has just used up its checks and its hashes are queued or running.
        await refusedOnce.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var answeredBefore = Volatile.Read(ref answered);
        using var admin = LoopbackClient.From("127.0.0.2", hub.BaseAddress, TestHub.AdminUser, TestHub.AdminPassword);
        var login = Stopwatch.StartNew();
        var adminResponse = await admin.GetAsync("api/flows");
        login.Stop();

        // Now verified, the same login is not checked again: it works even from the flooded address (a shared NAT).
        using var sameAddressAdmin = LoopbackClient.From("127.0.0.1", hub.BaseAddress, TestHub.AdminUser, TestHub.AdminPassword);
        var cachedResponse = await sameAddressAdmin.GetAsync("api/flows");
        var outcomes = await flood;
        clock.Stop();

        output.WriteLine($"one wrong login without a flood: {baseline.Elapsed.TotalMilliseconds:0} ms");
        output.WriteLine($"flood: {Flood} requests in {clock.Elapsed.TotalSeconds:0.00} s; the admin's login from 127.0.0.2 after {answeredBefore} flood answers: {login.Elapsed.TotalMilliseconds:0} ms");
        foreach (var group in outcomes.GroupBy(o => o.Status))
        {
            output.WriteLine($"  {(int)group.Key}: {group.Count()}");
        }

        Assert.True(answeredBefore < Flood, "the admin's login was sent during the flood");
        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
        Assert.True(login.Elapsed < TimeSpan.FromSeconds(1), $"the admin's login took {login.Elapsed.TotalMilliseconds:0} ms during the flood");
        Assert.Equal(HttpStatusCode.OK, cachedResponse.StatusCode);

        // Only the address's budget was checked; every other request was refused without a check.
        Assert.Equal(AttemptsPerAddress, outcomes.Count(o => o.Status == HttpStatusCode.Unauthorized));
        var refused = outcomes.Where(o => o.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(Flood - AttemptsPerAddress, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.True(int.TryParse(r.RetryAfter, out var seconds) && seconds > 0, $"Retry-After '{r.RetryAfter}'");
            Assert.Equal("too_many_login_attempts", JsonDocument.Parse(r.Body).RootElement.GetProperty("code").GetString());
        });
    }

    [Fact]
    public async Task Wrong_passwords_for_one_user_name_from_many_addresses_lock_that_name_with_429()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Hub:Admin:LoginAttemptsPerAddress"] = "3";
        settings["Hub:Admin:LoginFailuresPerUser"] = "5";
        await using var hub = await TestHub.StartAsync(settings);

        // Three guesses from each of two addresses: five are checked (and fail), the sixth finds the name's budget spent.
        // Names log in whatever their case, so the second address writing it in capitals shares the budget.
        var statuses = new List<HttpStatusCode>();
        foreach (var (address, name) in new[] { ("127.0.0.2", TestHub.AdminUser), ("127.0.0.3", TestHub.AdminUser.ToUpperInvariant()) })
        {
            using var guesser = LoopbackClient.From(address, hub.BaseAddress);
            for (var i = 0; i < 3; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/flows");
                request.Headers.Authorization = LoopbackClient.Basic(name, $"{address}-guess-{i}");
                statuses.Add((await guesser.SendAsync(request)).StatusCode);
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Append(HttpStatusCode.TooManyRequests), statuses);

        // From a fresh address the name stays locked, even with its right password; another name is not.
        using var fresh = LoopbackClient.From("127.0.0.4", hub.BaseAddress, TestHub.AdminUser, TestHub.AdminPassword);
        var locked = await fresh.GetAsync("api/flows");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
        Assert.Equal("too_many_login_attempts", JsonDocument.Parse(await locked.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        using var otherName = LoopbackClient.From("127.0.0.4", hub.BaseAddress, "operator", "a-guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherName.GetAsync("api/flows")).StatusCode);
    }

    [Fact]
    public async Task Rotating_X_Forwarded_For_without_a_trusted_proxy_does_not_escape_the_address_limit()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));
        var statuses = await GuessAsync(hub, 30, i => $"198.51.100.{i}");

        Assert.Equal(AttemptsPerAddress, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(30 - AttemptsPerAddress, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_a_flooding_client_does_not_lock_out_the_admin_behind_the_same_proxy()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Hub:Http:TrustedProxies:0"] = "127.0.0.1";
        await using var hub = await TestHub.StartAsync(settings);

        var statuses = await GuessAsync(hub, 30, _ => "203.0.113.9");
        Assert.Equal(AttemptsPerAddress, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(30 - AttemptsPerAddress, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        using var admin = TestHub.AdminClient(hub);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/flows");
        request.Headers.Add("X-Forwarded-For", "203.0.113.10");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_concurrent_flood_from_many_addresses_gets_no_more_failed_checks_than_the_user_name_budget()
    {
        const int Addresses = 10;
        const int Budget = 20;
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Hub:Admin:LoginFailuresPerUser"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Hub:Admin:MaxQueuedLoginChecks"] = "1000";
        await using var hub = await TestHub.StartAsync(settings);

        // Each address sends its whole per-address allowance at once: 100 guesses for a name that may fail 20 times.
        var guesses = Enumerable.Range(1, Addresses)
            .SelectMany(a => Enumerable.Range(0, AttemptsPerAddress).Select(i => new Guess($"127.0.1.{a}", TestHub.AdminUser, $"guess-{a}-{i}")))
            .ToList();
        var outcomes = await SendAllAtOnceAsync(hub, guesses);

        var failedChecks = outcomes.Count(o => o.Status == HttpStatusCode.Unauthorized);
        var refused = outcomes.Where(o => o.Status == HttpStatusCode.TooManyRequests).ToList();
        output.WriteLine($"{guesses.Count} concurrent guesses from {Addresses} addresses: {failedChecks} checked and failed (401), {refused.Count} refused (429)");
        Assert.Equal(Budget, failedChecks);
        Assert.Equal(guesses.Count - Budget, refused.Count);
        Assert.All(refused, r => Assert.Equal("too_many_login_attempts", JsonDocument.Parse(r.Body).RootElement.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Guesses_spread_over_many_addresses_and_names_are_refused_rather_than_queued_in_front_of_the_admin()
    {
        const int Addresses = 40;
        const int PerAddress = 5;
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Hub:Admin:MaxQueuedLoginChecks"] = "1";
        await using var hub = await TestHub.StartAsync(settings);

        // Neither limit applies: each address stays under its own, and every guess names another user.
        var guesses = Enumerable.Range(1, Addresses)
            .SelectMany(a => Enumerable.Range(0, PerAddress).Select(i => new Guess($"127.0.2.{a}", $"user-{a}-{i}", "a-guess")))
            .ToList();
        var firstAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var flood = SendAllAtOnceAsync(hub, guesses, firstAnswer);
        await firstAnswer.Task.WaitAsync(TimeSpan.FromSeconds(60));

        using var admin = LoopbackClient.From("127.0.0.2", hub.BaseAddress, TestHub.AdminUser, TestHub.AdminPassword);
        var login = Stopwatch.StartNew();
        var adminStatus = (await admin.GetAsync("api/flows")).StatusCode;
        login.Stop();
        var outcomes = await flood;

        var refused = outcomes.Where(o => o.Status == HttpStatusCode.TooManyRequests).ToList();
        output.WriteLine($"{guesses.Count} guesses from {Addresses} addresses: {outcomes.Count(o => o.Status == HttpStatusCode.Unauthorized)} checked (401), {refused.Count} refused as busy (429); " +
            $"the admin's login from 127.0.0.2 during it: {(int)adminStatus} after {login.Elapsed.TotalMilliseconds:0} ms");
        Assert.NotEmpty(refused);
        Assert.Equal(guesses.Count, outcomes.Count(o => o.Status == HttpStatusCode.Unauthorized) + refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal("1", r.RetryAfter);
            Assert.Equal("too_many_login_attempts", JsonDocument.Parse(r.Body).RootElement.GetProperty("code").GetString());
        });

        // Answered at once: checked behind at most one waiting guess, or told to come back in a second.
        Assert.Contains(adminStatus, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests });
        Assert.True(login.Elapsed < TimeSpan.FromSeconds(1), $"the admin's login took {login.Elapsed.TotalMilliseconds:0} ms during the flood");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("api/flows")).StatusCode);
    }

    [Fact]
    public async Task A_name_locked_from_other_addresses_still_lets_its_admin_in_from_where_they_logged_in_before()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Hub:Admin:LoginAttemptsPerAddress"] = "3";
        settings["Hub:Admin:LoginFailuresPerUser"] = "5";
        var clock = new ShiftedClock();
        await using var hub = await TestHub.StartAsync(settings, clock: clock);
        using var office = LoopbackClient.From("127.0.0.5", hub.BaseAddress, TestHub.AdminUser, TestHub.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("api/flows")).StatusCode);

        var guesses = new[] { "127.0.0.2", "127.0.0.3" }.SelectMany(a => Enumerable.Range(0, 3).Select(i => new Guess(a, TestHub.AdminUser, $"{a}-guess-{i}")));
        var statuses = new List<HttpStatusCode>();
        foreach (var guess in guesses)
        {
            statuses.Add((await SendAsync(hub, guess)).Status);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Append(HttpStatusCode.TooManyRequests), statuses);

        // Six minutes on the admin's verified login is no longer remembered (5 min), so each login below is checked.
        // An address the name never logged in from stays locked out, even with the right password, for the rest of the window;
        // the address the admin logged in from is let in.
        clock.Advance(TimeSpan.FromMinutes(6));
        var fresh = await SendAsync(hub, new Guess("127.0.0.4", TestHub.AdminUser, TestHub.AdminPassword));
        Assert.Equal(HttpStatusCode.TooManyRequests, fresh.Status);
        Assert.True(int.TryParse(fresh.RetryAfter, out var seconds) && seconds is > 500 and <= 540, $"Retry-After '{fresh.RetryAfter}'");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("api/flows")).StatusCode);
    }

    [Fact]
    public async Task The_Retry_After_of_a_refused_login_is_the_time_left_in_its_window_not_a_whole_window()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Hub:Admin:LoginAttemptsPerAddress"] = "3";
        settings["Hub:Admin:LoginFailuresPerUser"] = "5";
        var clock = new ShiftedClock();
        await using var hub = await TestHub.StartAsync(settings, clock: clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(hub, new Guess("127.0.0.8", "someone", $"guess-{i}"))).Status);
        }

        var first = await SendAsync(hub, new Guess("127.0.0.8", "someone", "guess-3"));
        clock.Advance(TimeSpan.FromMinutes(10));
        var later = await SendAsync(hub, new Guess("127.0.0.8", "someone", "guess-4"));

        output.WriteLine($"Retry-After at the start of the 15 min window: {first.RetryAfter} s; 10 min later: {later.RetryAfter} s");
        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.True(int.TryParse(first.RetryAfter, out var atStart) && atStart is > 840 and <= 900, $"Retry-After '{first.RetryAfter}'");
        Assert.Equal(HttpStatusCode.TooManyRequests, later.Status);
        Assert.True(int.TryParse(later.RetryAfter, out var tenMinutesOn) && tenMinutesOn is > 240 and <= 300, $"Retry-After '{later.RetryAfter}'");
    }

    [Fact]
    public async Task Each_failed_password_check_is_logged_with_the_client_address_but_never_the_name_or_password_typed()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Hub:Admin:LoginAttemptsPerAddress"] = "3";
        settings["Hub:Admin:LoginFailuresPerUser"] = "5";
        var logs = new CapturedLogs();
        await using var hub = await TestHub.StartAsync(settings, logging: logs.AddTo);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await SendAsync(hub, new Guess("127.0.0.6", "officer.nguyen", $"Hunter2-guess-{i}"))).Status);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        var throttleWarnings = logs.Lines.Where(l => l.StartsWith("Warning IntegrationHub.Host.Admin.LoginThrottle:", StringComparison.Ordinal)).ToList();
        foreach (var line in throttleWarnings)
        {
            output.WriteLine(line);
        }

        Assert.Equal(3, throttleWarnings.Count(l => l.Contains("Wrong user name or password from client 127.0.0.6", StringComparison.Ordinal)));
        Assert.Single(throttleWarnings, l => l.Contains("Login limit reached for client 127.0.0.6", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("officer.nguyen", StringComparison.Ordinal) || l.Contains("Hunter2", StringComparison.Ordinal));
    }

    private sealed record Guess(string Address, string User, string Password);

    private sealed record Outcome(HttpStatusCode Status, string? RetryAfter, string Body);

    private static async Task<Outcome> SendAsync(HubHost hub, Guess guess)
    {
        using var client = LoopbackClient.From(guess.Address, hub.BaseAddress, guess.User, guess.Password);
        using var response = await client.GetAsync("api/flows");
        return new Outcome(response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends every guess at once, each address over its own connections; <paramref name="firstAnswer"/> is
    /// completed when the first answer arrives.</summary>
    private static async Task<List<Outcome>> SendAllAtOnceAsync(HubHost hub, IReadOnlyList<Guess> guesses, TaskCompletionSource? firstAnswer = null)
    {
        var clients = guesses.Select(g => g.Address).Distinct().ToDictionary(a => a, a => LoopbackClient.From(a, hub.BaseAddress));
        try
        {
            return (await Task.WhenAll(guesses.Select(async guess =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/flows");
                request.Headers.Authorization = LoopbackClient.Basic(guess.User, guess.Password);
                using var response = await clients[guess.Address].SendAsync(request);
                firstAnswer?.TrySetResult();

                return new Outcome(response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync());
            }))).ToList();
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Wrong passwords sent one after another from 127.0.0.1, each with the X-Forwarded-For <paramref name="forwardedFor"/> gives.</summary>
    private static async Task<List<HttpStatusCode>> GuessAsync(HubHost hub, int count, Func<int, string> forwardedFor)
    {
        using var client = new HttpClient { BaseAddress = hub.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/flows");
            request.Headers.Authorization = LoopbackClient.Basic(TestHub.AdminUser, $"guess-{i}");
            request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        return statuses;
    }
}
