using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Kit;

/// <summary>
/// What every connector does the same way, so a new one writes only its reads, writes and mapping:
/// <list type="bullet">
/// <item>its <see cref="Spec"/>: the identity's id and version, its streams and <typeparamref name="TOptions"/>;</item>
/// <item>the <see cref="CheckScope.Parameters"/> check, listing every bad option (<see cref="ParameterProblems"/>:
/// DataAnnotations on all properties, plus what an override adds), then for <see cref="CheckScope.Connectivity"/> a
/// call of <see cref="CheckConnectivityAsync"/>, whose <see cref="ConnectorException"/> becomes a failed check
/// carrying its <see cref="CheckResult.Failure"/>;</item>
/// <item>the Config failures for bad options (<see cref="ThrowIfInvalid()"/>, to call before reading or writing) and
/// for a stream it does not have (<see cref="UnknownStream"/>).</item>
/// </list>
/// The derived class implements <see cref="ISourceConnector"/> and/or <see cref="IDestinationConnector"/>, and overrides
/// <see cref="Dispose(bool)"/> when it holds something of its own (the host's HttpClient is not its to dispose).
/// </summary>
public abstract class ConnectorBase<TOptions> : IConnector, IDisposable
    where TOptions : class
{
    protected ConnectorBase(ConnectorIdentity identity, IReadOnlyList<StreamSpec> streams, TOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(streams);
        Identity = identity;
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Spec = new ConnectorSpec(identity.Id, identity.Version, streams, typeof(TOptions));
    }

    public ConnectorSpec Spec { get; }

    protected ConnectorIdentity Identity { get; }

    protected TOptions Options { get; }

    protected ILogger Logger { get; }

    public async Task<CheckResult> CheckAsync(CheckScope scope, CancellationToken cancellationToken)
    {
        var problems = ParameterProblems();
        if (problems.Count > 0 || scope == CheckScope.Parameters)
        {
            return problems.Count == 0 ? CheckResult.Success : CheckResult.Failed([.. problems]);
        }

        try
        {
            await CheckConnectivityAsync(cancellationToken).ConfigureAwait(false);
            return CheckResult.Success;
        }
        catch (ConnectorException exception)
        {
            // The failure goes with the problem, so the caller can tell a wrong setting (Config) from an outage (Transient).
            Logger.LogWarning("{Connector} connectivity check failed: {Failure}", Identity.Name, exception.Message);
            return new CheckResult(false, [exception.Message], exception.Failure);
        }
    }

    /// <summary>Reaches the counterparty and authenticates, cheaply (a ping, a login, a lookup of nothing); throws a
    /// classified <see cref="ConnectorException"/> when that fails. Runs only with valid options.</summary>
    protected abstract Task CheckConnectivityAsync(CancellationToken cancellationToken);

    /// <summary>Every problem of the options; an override adds what attributes cannot say (a table, a time zone).</summary>
    protected virtual IReadOnlyList<string> ParameterProblems() => OptionsValidation.Problems(Options);

    /// <exception cref="ConnectorException">Config, with every problem of <see cref="ParameterProblems"/>.</exception>
    protected void ThrowIfInvalid() => ThrowIfInvalid(ParameterProblems());

    /// <exception cref="ConnectorException">Config, with every problem given.</exception>
    protected void ThrowIfInvalid(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ConnectorException(Identity.InvalidOptions(problems));
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>The Config failure for a stream this connector does not have in <paramref name="direction"/>
    /// (<see cref="StreamDirection.Source"/> or <see cref="StreamDirection.Destination"/>), naming those it has.</summary>
    protected ConnectorException UnknownStream(string stream, StreamDirection direction)
    {
        var reading = direction.HasFlag(StreamDirection.Source);
        var offered = Spec.Streams.Where(s => s.Direction.HasFlag(reading ? StreamDirection.Source : StreamDirection.Destination)).Select(s => $"'{s.Name}'").ToList();
        var list = offered.Count switch
        {
            0 => "none",
            1 => offered[0],
            _ => $"{string.Join(", ", offered[..^1])} and {offered[^1]}",
        };
        return new ConnectorException(new ConnectorFailure(
            FailureKind.Config,
            Identity.StreamCode,
            $"{Identity.Name} has no {(reading ? "source" : "destination")} stream '{stream}'; it {(reading ? "reads" : "writes")} {list}."));
    }
}
