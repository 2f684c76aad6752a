using IntegrationHub.Connectors.PaymentPlatform.Payments;
using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Inbound;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

[assembly: HubModule(typeof(IntegrationHub.Connectors.PaymentPlatform.PaymentPlatformModule))]

namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>What this package adds to the hub: the connector to the national payment platform (options from <c>Connectors:{id}</c>),
/// its sandbox (<c>Sandboxes:{id}</c>), and the payments feature (<c>Payments</c> section): the INIT endpoint, the
/// platform's callback, the QUERY sweep and nightly reconciliation as recurring tasks, the admin API and the
/// reconciliations page. Found by the host through the assembly's <see cref="HubModuleAttribute"/>.</summary>
public sealed class PaymentPlatformModule : IHubModule
{
    public void Register(IHubBuilder hub)
    {
        hub.AddConnector<PaymentPlatformConnector, PaymentPlatformOptions>(PaymentPlatformConnector.ConnectorId)
            .AddSandbox<PaymentPlatformSandbox, PaymentPlatformSandboxOptions>(PaymentPlatformConnector.ConnectorId);

        var services = hub.Services;
        services.AddOptions<PaymentsOptions>().Bind(hub.Configuration.GetSection(PaymentsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaymentsOptions>, PaymentsOptionsValidation>();
        services.AddSingleton(new DedicatedInboundType(PaymentsOptions.InitMessageType, PaymentInitEndpoint.Path, "answers the payment URL"));
        services.AddSingleton<PaymentStore>();
        services.AddSingleton<PaymentService>();
        services.AddSingleton<ReconciliationStore>();
        services.AddSingleton<Reconciler>();
        services.AddSingleton<IReconciledSource, PaymentReconciliations>();

        hub.AddRecurringTask<PaymentQueryTask>(PaymentQueryTask.Name, sp => Schedule(sp, o => o.QuerySchedule))
            .AddRecurringTask<ReconciliationTask>(ReconciliationTask.Name, sp => Schedule(sp, o => o.ReconcileSchedule))
            .AddEndpoints(MapEndpoints)
            .AddDashboardPage<ReconciliationsPage>();
    }

    /// <summary>Read from the section as bound, not through the validated options: a bad schedule is then reported at
    /// start together with the section's other problems, not hidden behind them.</summary>
    private static RecurringSchedule Schedule(IServiceProvider services, Func<PaymentsOptions, string> cron)
    {
        var options = services.GetRequiredService<IConfiguration>().GetSection(PaymentsOptions.Section).Get<PaymentsOptions>() ?? new PaymentsOptions();
        return new RecurringSchedule(cron(options), options.TimeZone) { Counterparty = PaymentPlatformConnector.ConnectorId };
    }

    private static void MapEndpoints(IEndpointRouteBuilder app) =>
        app.MapPaymentInit()
            .MapPaymentCallback()
            .MapPaymentAdminApi()
            .MapReconciliationApi();
}
