using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>
/// What every sandbox does the same way. On <see cref="StartAsync"/> it validates its options (every problem listed)
/// and starts its own Kestrel on 127.0.0.1 (<see cref="SandboxServer"/>) with fault injection on every call outside
/// <c>/sandbox</c>, then serves what <see cref="Map"/> maps (the counterparty's protocol and the sandbox's own controls)
/// and the control surface every sandbox has:
/// <list type="bullet">
/// <item><c>GET</c> and <c>PUT /sandbox/faults</c>: the live fault settings;</item>
/// <item><c>GET /sandbox/stats</c>: the sandbox's own counts (<see cref="OwnStats"/>), <c>streams</c> (per write stream,
/// what <see cref="Writes"/> recorded: writes received, keys applied, repeats, refusals) and <c>faults</c> (injected,
/// by kind).</item>
/// </list>
/// A sandbox records every write it receives in <see cref="Writes"/>, so a repeated write is applied once and tests
/// can prove it, and may simulate the counterparty's own activity with <see cref="Every"/>.
/// </summary>
public abstract class SandboxBase<TOptions> : IConnectorSandbox, ISandboxControls
    where TOptions : SandboxOptions
{
    private readonly SandboxServer _server = new();
    private readonly List<ITimer> _activity = [];

    /// <param name="clock">Drives <see cref="Every"/> (a fake clock in tests); the system clock when null.</param>
    protected SandboxBase(string connectorId, TOptions options, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectorId);
        ArgumentNullException.ThrowIfNull(options);
        ConnectorId = connectorId;
        Options = options;
        Clock = clock ?? TimeProvider.System;

        // The injector keeps options.Faults itself, so changing it (here or with PUT /sandbox/faults) applies at once.
        FaultInjector = new SandboxFaultInjector(options.Faults);
    }

    public string ConnectorId { get; }

    /// <summary>Null until started.</summary>
    public Uri? BaseAddress => _server.BaseAddress;

    /// <summary>The live fault settings (the options' own instance): changes apply to the next call.</summary>
    public SandboxFaultOptions Faults => FaultInjector.Options;

    /// <summary>The idempotency keys applied and what each write stream was sent.</summary>
    public SandboxIdempotencyBook Writes { get; } = new();

    protected TOptions Options { get; }

    protected TimeProvider Clock { get; }

    protected SandboxFaultInjector FaultInjector { get; }

    /// <summary>The connector settings (under <c>Connectors:{id}</c>) that point the connector at this sandbox: its URL;
    /// an override adds the credentials the sandbox accepts.</summary>
    public IReadOnlyDictionary<string, string?> ConnectorSettings(Uri baseAddress) =>
        new Dictionary<string, string?>([new("BaseUrl", baseAddress.ToString()), .. Credentials()]);

    /// <summary>Faults injected so far, by kind.</summary>
    public IReadOnlyDictionary<SandboxFaultKind, int> FaultCounts() => FaultInjector.Counts();

    /// <exception cref="InvalidOperationException">Already started, or the options are invalid (every problem listed).</exception>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        if (_server.BaseAddress is not null)
        {
            throw new InvalidOperationException($"The {ConnectorId} sandbox is already started.");
        }

        var problems = OptionsProblems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Sandboxes:{ConnectorId} options are invalid: {string.Join(" ", problems)}");
        }

        OnStarting();
        var address = await _server.StartAsync(Options.Port, FaultInjector, ConfigureServices, app =>
        {
            Map(app);
            MapControls(app);
        }, cancellationToken).ConfigureAwait(false);
        OnStarted(address);
        return address;
    }

    public async ValueTask DisposeAsync()
    {
        ITimer[] activity;
        lock (_activity)
        {
            activity = [.. _activity];
            _activity.Clear();
        }

        foreach (var timer in activity)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        await OnStoppingAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
        OnStopped();
        GC.SuppressFinalize(this);
    }

    /// <summary>The connector settings beside BaseUrl that make the connector talk to this sandbox: the credentials it
    /// accepts (e.g. <c>ApiKey</c>).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Credentials() => [];

    /// <summary>Simulates the counterparty's own activity (officers filing, addressees answering): from now until the
    /// sandbox stops, <paramref name="tick"/> runs every <paramref name="period"/> on <see cref="Clock"/>. Off when the
    /// period is not positive (tests drive the sandbox through its controls). Call it from <see cref="OnStarted"/>.</summary>
    protected void Every(TimeSpan period, Action tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        if (period <= TimeSpan.Zero)
        {
            return;
        }

        lock (_activity)
        {
            _activity.Add(Clock.CreateTimer(_ => tick(), null, period, period));
        }
    }

    /// <summary>Maps the counterparty's protocol and the sandbox's own controls (under <c>/sandbox</c>).</summary>
    protected abstract void Map(WebApplication app);

    /// <summary>Adds services the endpoints need (e.g. a SOAP stack) before the app is built.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Every problem of the options; an override adds nested options or rules attributes cannot say.</summary>
    protected virtual IReadOnlyList<string> OptionsProblems() => OptionsValidation.Problems(Options);

    /// <summary>Runs before the server starts, with valid options (e.g. generating the initial data).</summary>
    protected virtual void OnStarting()
    {
    }

    /// <summary>Runs once the server listens (e.g. starting the counterparty's own activity with <see cref="Every"/>).</summary>
    protected virtual void OnStarted(Uri address)
    {
    }

    /// <summary>Runs before the server stops, after the activity of <see cref="Every"/> has stopped.</summary>
    protected virtual ValueTask OnStoppingAsync() => ValueTask.CompletedTask;

    /// <summary>Runs after the server stopped (e.g. deleting files, disposing clients).</summary>
    protected virtual void OnStopped()
    {
    }

    /// <summary>The sandbox's own counts for <c>GET /sandbox/stats</c>; the kit adds <c>streams</c> and <c>faults</c>.</summary>
    /// <param name="query">The call's query string (e.g. <c>?details=true</c> for per-key counts).</param>
    protected virtual JsonObject? OwnStats(IQueryCollection query) => null;

    /// <summary>A value as a JSON object, for <see cref="OwnStats"/>.</summary>
    protected static JsonObject ToJsonObject(object value, JsonSerializerOptions? options = null) =>
        JsonSerializer.SerializeToNode(value, value.GetType(), options ?? JsonSerializerOptions.Web)?.AsObject()
        ?? throw new ArgumentException("The value is not a JSON object.", nameof(value));

    private void MapControls(WebApplication app)
    {
        app.MapSandboxFaults(FaultInjector);
        app.MapGet("/sandbox/stats", (HttpContext context) =>
        {
            var stats = OwnStats(context.Request.Query) ?? [];
            stats["streams"] = JsonSerializer.SerializeToNode(Writes.Stats(), JsonSerializerOptions.Web);
            stats["faults"] = JsonSerializer.SerializeToNode(
                FaultCounts().ToDictionary(f => f.Key.ToString(), f => f.Value, StringComparer.Ordinal), JsonSerializerOptions.Web);
            return Results.Content(stats.ToJsonString(), "application/json");
        });
    }
}
