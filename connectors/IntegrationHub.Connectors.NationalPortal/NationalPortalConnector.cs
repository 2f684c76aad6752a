using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using IntegrationHub.Connectors.NationalPortal.Client;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;
using RestSharp;

namespace IntegrationHub.Connectors.NationalPortal;

/// <summary>Source connector of the National Public-Service Portal (DVCQG): reads the procedure catalogue
/// (LayDanhSachTTHC, then LayThuTuc per procedure) over a session login.</summary>
public sealed class NationalPortalConnector : ISourceConnector
{
    public const string ConnectorId = "national-portal";

    public const string ProceduresStream = "procedures";

    private readonly NationalPortalOptions _options;
    private readonly HttpClient _httpClient;
    private readonly ILogger<NationalPortalConnector> _logger;
    private readonly TimeProvider _timeProvider;

    /// <param name="httpClient">Carries the counterparty's resilience pipeline; has no BaseAddress (BaseUrl is used).</param>
    public NationalPortalConnector(
        NationalPortalOptions options,
        HttpClient httpClient,
        ILogger<NationalPortalConnector> logger,
        TimeProvider? timeProvider = null)
    {
        _options = options;
        _httpClient = httpClient;
        _logger = logger;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public ConnectorSpec Spec { get; } = new(
        ConnectorId,
        "1.0.0",
        [new StreamSpec(ProceduresStream, StreamDirection.Source, "Administrative procedures (TTHC) of the national catalogue, one record per MaTTHC.")],
        typeof(NationalPortalOptions));

    public async Task<CheckResult> CheckAsync(CheckScope scope, CancellationToken cancellationToken)
    {
        var problems = ValidateOptions();
        if (problems.Length > 0 || scope == CheckScope.Parameters)
        {
            return problems.Length == 0 ? CheckResult.Success : CheckResult.Failed(problems);
        }

        try
        {
            using var rest = CreateRestClient();
            await new NationalPortalApiClient(rest, _options, _timeProvider).LoginAsync(cancellationToken).ConfigureAwait(false);
            return CheckResult.Success;
        }
        catch (ConnectorException exception)
        {
            NationalPortalLog.ConnectivityFailed(_logger, exception.Message);
            return CheckResult.Failed(exception.Message);
        }
    }

    public async IAsyncEnumerable<SourceItem> ReadAsync(
        string stream,
        SourceCheckpoint? checkpoint,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (stream != ProceduresStream)
        {
            throw new ConnectorException(new ConnectorFailure(
                FailureKind.Config, "unknown-stream", $"Connector {ConnectorId} has no stream '{stream}'; it reads '{ProceduresStream}'."));
        }

        var problems = ValidateOptions();
        if (problems.Length > 0)
        {
            throw new ConnectorException(new ConnectorFailure(FailureKind.Config, "options", string.Join(" ", problems)));
        }

        var firstPage = ProcedureCheckpoint.From(checkpoint).NextPage;
        NationalPortalLog.ReadStarted(_logger, _options.BaseUrl, firstPage);

        // A RestClient per read: it only wraps the shared HttpClient (which owns the connections), and this way
        // the connector holds nothing to dispose.
        using var rest = CreateRestClient();
        using var session = new NationalPortalSession(new NationalPortalApiClient(rest, _options, _timeProvider), _logger);
        await session.LoginAsync(cancellationToken).ConfigureAwait(false);
        var reader = new ProceduresReader(session, _options, _logger);
        await foreach (var item in reader.ReadAsync(firstPage, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private string[] ValidateOptions()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(_options, new ValidationContext(_options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "Invalid options.")];
    }

    private RestClient CreateRestClient() =>
        new(_httpClient, new RestClientOptions(new Uri(_options.BaseUrl!, UriKind.Absolute)), disposeHttpClient: false);
}
