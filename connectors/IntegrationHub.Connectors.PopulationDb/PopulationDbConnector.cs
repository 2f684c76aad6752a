using System.Globalization;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.PopulationDb.Client;
using IntegrationHub.Connectors.PopulationDb.Protocol;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>The national population database, reached through the provincial data-sharing platform's SOAP service
/// <c>XacMinhThongTinNhanThan</c>: checks a declared name and date of birth against the record of a personal id.
/// Personal ids appear only masked (<see cref="PersonalIdMask"/>) in its logs and exception messages.</summary>
public sealed class PopulationDbConnector : ConnectorBase<PopulationDbOptions>
{
    public const string ConnectorId = "population-db";

    /// <summary>An id no citizen has (province code 000): the connectivity check looks it up and "not found" proves the
    /// platform answered and accepted the key and integration code.</summary>
    private const string ProbeId = "000000000000";

    private static readonly ConnectorIdentity Population = new(ConnectorId, "The population database", "1.0.0", "POPDB");

    private readonly IReadOnlyList<string> _problems;
    private readonly QldcClient? _client;
    private readonly ResiliencePipeline _pipeline;

    /// <param name="timeProvider">Drives the retry delays and per-attempt timeouts.</param>
    /// <param name="outerHandler">Optional: wraps the HTTP handler WCF builds (innermost: the API key), so the host can
    /// insert its counterparty pipeline as a DelegatingHandler; then set <see cref="PopulationDbOptions.RetryCount"/> to 0.</param>
    public PopulationDbConnector(
        PopulationDbOptions options,
        TimeProvider timeProvider,
        ILogger<PopulationDbConnector> logger,
        Func<HttpMessageHandler, HttpMessageHandler>? outerHandler = null)
        : base(Population, [], options, logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);

        // No client is built from invalid options; the parameters check reports them.
        _problems = OptionsValidation.Problems(options);
        if (_problems.Count == 0)
        {
            _client = new QldcClient(options, outerHandler);
            _pipeline = PopulationPipeline.Build(options, timeProvider, logger);
        }
        else
        {
            _pipeline = ResiliencePipeline.Empty;
        }
    }


    /// <summary>Looks the citizen up and compares name and date of birth (see <see cref="CitizenVerificationKind"/>).</summary>
    /// <exception cref="ConnectorException">Classified failure, after the connector's retries for Transient ones.</exception>
    public async Task<CitizenVerification> VerifyAsync(CitizenQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_client is null)
        {
            throw new ConnectorException(Population.InvalidOptions(_problems));
        }

        var masked = PersonalIdMask.Mask(query.SoDinhDanh);
        var request = ToRequest(query);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(PopulationPipeline.MaskedIdKey, masked);
        try
        {
            var verification = await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Self.AttemptAsync(state.Query, state.Request, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Self: this, Query: query, Request: request)).ConfigureAwait(false);
            Logger.LogDebug("Population lookup for {SoDinhDanh} (MaYeuCau {MaYeuCau}): {Kind}", masked, query.MaYeuCau, verification.Kind);
            return verification;
        }
        catch (TimeoutRejectedException ex)
        {
            throw Failed(masked, PopulationFailures.Classify(ex)!);
        }
        catch (ConnectorException ex)
        {
            Logger.LogWarning("Population lookup for {SoDinhDanh} failed: {Failure}", masked, ex.Message);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    protected override async Task CheckConnectivityAsync(CancellationToken cancellationToken) =>
        await VerifyAsync(new CitizenQuery(ProbeId, "KIEM TRA KET NOI", new DateOnly(2000, 1, 1), MaYeuCau: "HUB-CONNECTIVITY-PROBE"), cancellationToken).ConfigureAwait(false);

    /// <summary>The options as checked at construction: the client was built (or not) from them.</summary>
    protected override IReadOnlyList<string> ParameterProblems() => _problems;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client?.Dispose();
        }
    }

    /// <summary>One call, its answer interpreted inside the attempt so a Transient error_code is retried too.</summary>
    private async Task<CitizenVerification> AttemptAsync(CitizenQuery query, XacMinhThongTinNhanThanRequest request, CancellationToken cancellationToken)
    {
        XacMinhThongTinNhanThanResult result;
        try
        {
            result = await _client!.CallAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && PopulationFailures.Classify(ex) is { } failure)
        {
            // Not attached as the inner exception: a fault reason or an HTTP body quoted by WCF may carry the full id.
            // The failure's message holds the masked text instead.
            throw new ConnectorException(failure);
        }

        return Interpret(query, result);
    }

    private ConnectorException Failed(string masked, ConnectorFailure failure)
    {
        Logger.LogWarning("Population lookup for {SoDinhDanh} failed: {Code} {Message}", masked, failure.Code, failure.Message);
        return new ConnectorException(failure);
    }

    private XacMinhThongTinNhanThanRequest ToRequest(CitizenQuery query) => new()
    {
        HoVaTen = query.HoVaTen,
        SoDinhDanh = query.SoDinhDanh.Trim(),
        SoCMND = query.SoCMND,
        NgayThangNam = CitizenMatcher.FormatDate(query.NgaySinh),
        Nam = query.NgaySinh.Year.ToString(CultureInfo.InvariantCulture),
        MaTichHop = Options.MaTichHop,
        MaDVC = query.MaDVC,
        MaCanBo = query.MaCanBo,
        MaYeuCau = query.MaYeuCau,
    };

    private static CitizenVerification Interpret(CitizenQuery query, XacMinhThongTinNhanThanResult? result)
    {
        if (result is null)
        {
            throw new ConnectorException(PopulationFailures.Malformed("the answer is empty"));
        }

        var code = result.ErrorCode?.Trim() ?? string.Empty;
        if (code == PopulationErrorCodes.NotFound)
        {
            return CitizenVerification.NotFound;
        }

        if (code != PopulationErrorCodes.Found)
        {
            throw new ConnectorException(PopulationFailures.Rejected(code, result.Message ?? string.Empty));
        }

        QldcDocument document;
        try
        {
            document = QldcDocumentSerializer.Read(result.Message ?? string.Empty);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Xml.XmlException)
        {
            throw new ConnectorException(PopulationFailures.Malformed($"message is not a CongdanCollection document ({ex.GetType().Name})"));
        }

        var id = query.SoDinhDanh.Trim();
        var congDan = document.Body.CongDanCollection.FirstOrDefault(c => c.SoDinhDanh.Trim() == id);
        return congDan is null
            ? throw new ConnectorException(PopulationFailures.Malformed("error_code 00 without a CongDan of the requested id"))
            : CitizenMatcher.Compare(query, CongDanMapper.ToRecord(congDan));
    }
}
