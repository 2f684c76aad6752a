using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IntegrationHub.Host.Observability;

/// <summary>Wires OpenTelemetry: the hub's spans (<see cref="HubTracing"/>) with ASP.NET Core's (a partner's
/// traceparent is continued), HttpClient's (every counterparty call, SOAP clients' included) and, when exported,
/// Npgsql's; the hub's metrics (<see cref="HubMetrics"/>) with Polly's, ASP.NET Core's, HttpClient's, Npgsql's and the
/// runtime's, scraped at <c>GET /metrics</c>. OTLP export is on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the
/// exporter reads the other standard <c>OTEL_*</c> variables itself).</summary>
public static class HubTelemetry
{
    public const string MetricsPath = "/metrics";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddHubTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<HubTracing>();
        services.AddSingleton<HubMetrics>();
        services.AddSingleton<CounterpartyCallStatistics>();
        services.AddSingleton<CounterpartyCallRecorder>();
        services.AddSingleton<BacklogSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<BacklogSampler>());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, MetricsAccessHandler>();
        services.AddAuthorizationBuilder().AddPolicy(MetricsAccessRequirement.PolicyName, policy => policy
            .AddAuthenticationSchemes(Admin.BasicAuthenticationHandler.SchemeName)
            .AddRequirements(new MetricsAccessRequirement()));

        var exported = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("integrationhub"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(HubInstruments.Name)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsRoutine(context.Request.Path))
                    .AddHttpClientInstrumentation();
                if (exported)
                {
                    tracing.AddNpgsql().AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(HubInstruments.Name, HubInstruments.PollyMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddPrometheusExporter();
                if (exported)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>Only statements run for a traced piece of work (a run, a delivery, a request) become spans, not the
    /// job servers' and schedulers' polling.</summary>
    public static NpgsqlDataSourceBuilder TraceOnlyWithinSpans(this NpgsqlDataSourceBuilder builder) =>
        builder.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => System.Diagnostics.Activity.Current is not null)
            .ConfigureBatchFilter(_ => System.Diagnostics.Activity.Current is not null));

    /// <summary><c>GET /metrics</c> in Prometheus' text format, for the scraper's token or the admin login.</summary>
    public static void MapHubMetrics(this WebApplication app)
    {
        // Created now, so its gauges are there at the first scrape.
        app.Services.GetRequiredService<HubMetrics>();
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(MetricsAccessRequirement.PolicyName);
    }

    /// <summary>Probes, scrapes and the dashboard's own polling are not worth a trace each.</summary>
    private static bool IsRoutine(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health") || path.StartsWithSegments("/hangfire/stats");
}
