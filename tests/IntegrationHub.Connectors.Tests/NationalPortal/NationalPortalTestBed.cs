using IntegrationHub.Connectors.NationalPortal;
using IntegrationHub.Connectors.NationalPortal.Sandbox;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

/// <summary>A sandbox on a free 127.0.0.1 port and a plain HttpClient (no resilience pipeline), per test.</summary>
internal sealed class NationalPortalTestBed : IAsyncDisposable
{
    public const string Password = "mat-khau-sandbox";

    private NationalPortalTestBed(NationalPortalSandbox sandbox, HttpClient http, Uri baseAddress)
    {
        Sandbox = sandbox;
        Http = http;
        BaseAddress = baseAddress;
    }

    public NationalPortalSandbox Sandbox { get; }

    public HttpClient Http { get; }

    public Uri BaseAddress { get; }

    public static async Task<NationalPortalTestBed> StartAsync(
        Action<NationalPortalSandboxOptions>? configure = null,
        TimeProvider? sandboxTime = null,
        TimeSpan? httpTimeout = null,
        HttpMessageHandler? handler = null)
    {
        var options = new NationalPortalSandboxOptions { ProcedureCount = 250, Password = Password, Seed = 42 };
        configure?.Invoke(options);
        var sandbox = new NationalPortalSandbox(options, timeProvider: sandboxTime);
        var baseAddress = await sandbox.StartAsync(CancellationToken.None);
        var http = new HttpClient(handler ?? new SocketsHttpHandler()) { Timeout = httpTimeout ?? TimeSpan.FromSeconds(10) };
        return new NationalPortalTestBed(sandbox, http, baseAddress);
    }

    public NationalPortalOptions Options(Action<NationalPortalOptions>? configure = null)
    {
        var options = new NationalPortalOptions
        {
            BaseUrl = BaseAddress.ToString(),
            Username = "sandbox",
            Password = Password,
            UnitCode = "000.00.00.H56",
            PageSize = 50,
            StatusMap = DefaultStatusMap(),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>The table proposed for config/connectors/national-portal.json, set explicitly so tests never rely on a default.</summary>
    public static Dictionary<string, string> DefaultStatusMap() => new()
    {
        ["CHO_TIEP_NHAN"] = "1",
        ["MOI_TIEP_NHAN"] = "2",
        ["TU_CHOI"] = "3",
        ["DANG_XU_LY"] = "4",
        ["CHO_BO_SUNG"] = "5",
        ["CHO_THANH_TOAN"] = "6",
        ["DA_HUY"] = "7",
        ["CHO_TRA_KET_QUA"] = "9",
        ["DA_TRA_KET_QUA"] = "10",
    };

    public Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, params OutboundMessage[] batch) =>
        Connector().WriteAsync(stream, batch, CancellationToken.None);

    public NationalPortalConnector Connector(Action<NationalPortalOptions>? configure = null) =>
        new(Options(configure), Http, NullLogger<NationalPortalConnector>.Instance);

    public static async Task<List<SourceItem>> ReadAllAsync(
        NationalPortalConnector connector, SourceCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        var items = new List<SourceItem>();
        await foreach (var item in connector.ReadAsync(NationalPortalConnector.ProceduresStream, checkpoint, cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }
}
