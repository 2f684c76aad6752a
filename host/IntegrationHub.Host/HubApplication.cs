using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Admin;
using IntegrationHub.Host.ApiDocs;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Connectivity;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Enrichment;
using IntegrationHub.Host.Execution;
using IntegrationHub.Host.Http;
using IntegrationHub.Host.Inbound;
using IntegrationHub.Host.Inbound.Soap;
using IntegrationHub.Host.Modules;
using IntegrationHub.Host.Observability;
using IntegrationHub.Host.PersonalData;
using IntegrationHub.Host.Sandboxes;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Npgsql;
using Quartz;
using SoapCore;

namespace IntegrationHub.Host;

/// <summary>Builds and starts the hub: config from <c>config/</c>, storage (embedded PostgreSQL unless
/// <c>ConnectionStrings:Hub</c> is set), migrations, Hangfire, Quartz, connectors, flows, admin HTTP.</summary>
public static class HubApplication
{
    private const string DashboardPath = "/hangfire";

    /// <param name="configure">Extra configuration applied last (tests use it to override settings).</param>
    /// <param name="logging">Extra logging setup, e.g. a provider that keeps what the hub logs (tests of masking).</param>
    /// <param name="services">Replaces services after the hub's own registrations (tests use it for the clock).</param>
    public static async Task<HubHost> StartAsync(
        string[] args,
        Action<IConfigurationBuilder>? configure = null,
        CancellationToken cancellationToken = default,
        Action<ILoggingBuilder>? logging = null,
        Action<IServiceCollection>? services = null)
    {
        var (app, hub, hubOptions, postgres, listenUrls, connectionString) = Build(args, configure, logging, services);
        try
        {
            // Sandboxes first: a connector left without a URL or key is given its sandbox's before the settings are checked.
            await app.Services.GetRequiredService<SandboxHost>().StartSandboxesAsync((IConfigurationBuilder)app.Configuration, cancellationToken);
            await app.Services.GetRequiredService<HubConfigurationValidator>().ValidateAsync(cancellationToken);
            if (postgres is not null)
            {
                await postgres.StartAsync(cancellationToken);
            }

            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            ConfigurePipeline(app, hubOptions, hub.Contributions);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException or null)
            {
                throw new HubStartupException($"Cannot listen on {listenUrls}: {e.Message} Give a free address with --urls, ASPNETCORE_URLS or Hub:Http:Urls.");
            }

            AnnounceAddresses(app);
            return new HubHost(app, postgres, QuartzConnectionString(connectionString));
        }
        catch
        {
            await app.DisposeAsync();
            if (postgres is not null)
            {
                await postgres.StopAsync();
            }

            throw;
        }
    }

    /// <summary><c>check-config</c>: the start-up configuration report without starting anything (no PostgreSQL, no
    /// sandbox, no listener). Sandboxes that would be started are asked for their connector settings as start would.</summary>
    /// <returns>A one-line summary of what was checked.</returns>
    /// <exception cref="HubStartupException">Every configuration problem, as start reports them.</exception>
    public static async Task<string> CheckConfigurationAsync(string[] args, Action<IConfigurationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var (app, hub, _, _, _, _) = Build(args, configure, logging: null, services: null, prepareStorage: false);
        await using (app)
        {
            app.Services.GetRequiredService<SandboxHost>().WireWithoutStarting((IConfigurationBuilder)app.Configuration);
            await app.Services.GetRequiredService<HubConfigurationValidator>().ValidateAsync(cancellationToken);
            var flows = app.Services.GetRequiredService<FlowCatalog>().Flows.Count;
            return $"The configuration of environment '{app.Environment.EnvironmentName}' has no problem: {hub.Connectors.Count} connectors, {flows} flows, {hub.Sandboxes.Count} sandboxes.";
        }
    }

    /// <summary><c>archive find &lt;businessKey&gt;</c>: the archived messages of a key as JSON lines; <c>archive verify</c>:
    /// every archive checked against its manifest. Reads <c>Hub:Retention:ArchiveFolder</c> only (no database), so it
    /// works on a copy of the folder too. The hub's usual arguments follow.</summary>
    /// <returns>The exit code (0: found or verified; 1: nothing found or a problem; 2: bad arguments) and the output.</returns>
    public static async Task<(int ExitCode, string Output)> ArchiveCommandAsync(string[] args, Action<IConfigurationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var (command, rest) = args switch
        {
            ["find", var key, .. var more] when !string.IsNullOrWhiteSpace(key) => ("find " + key.Trim(), more),
            ["verify", .. var more] => ("verify", more),
            _ => ("", args),
        };
        if (command.Length == 0)
        {
            return (2, "usage: archive find <businessKey> | archive verify  [hub arguments]");
        }

        var (app, _, _, _, _, _) = Build(rest, configure, logging: null, services: null, prepareStorage: false);
        await using (app)
        {
            var archive = app.Services.GetRequiredService<HistoryArchive>();
            var output = new System.Text.StringBuilder();
            if (command == "verify")
            {
                // The messages' archives, then the inbox's and the audits' (in their folders, named by folder).
                var results = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                foreach (var (prefix, kind) in new[] { ("", archive), ($"{InboxRetention.Folder}/", archive.Kind(InboxRetention.Folder)), ($"{AuditRetention.Folder}/", archive.Kind(AuditRetention.Folder)) })
                {
                    foreach (var (name, problems) in await kind.VerifyAllAsync(cancellationToken))
                    {
                        results[prefix + name] = problems;
                        output.AppendLine(problems.Count == 0 ? $"{prefix}{name}: ok" : string.Join(Environment.NewLine, problems.Select(p => prefix + p)));
                    }
                }

                output.Append($"{results.Count} archive(s) in {archive.Folder}, {results.Count(r => r.Value.Count > 0)} with problems");
                return (results.Values.Any(p => p.Count > 0) ? 1 : 0, output.ToString());
            }

            var (messages, unreadable) = await archive.FindAsync(command["find ".Length..], int.MaxValue, cancellationToken);
            foreach (var message in messages)
            {
                output.AppendLine(System.Text.Json.JsonSerializer.Serialize(message));
            }

            // The pushed messages of the key as they were received (the inbox's archive), after the messages made of them.
            var key = command["find ".Length..];
            var (received, inboxUnreadable) = await archive.Kind(InboxRetention.Folder).ReadAllAsync(line => InboxArchiveLine.BusinessKey(line) == key, cancellationToken);
            foreach (var line in received)
            {
                output.AppendLine("inbox: " + line);
            }

            foreach (var problem in unreadable.Concat(inboxUnreadable.Select(p => $"{InboxRetention.Folder}/{p}")))
            {
                output.AppendLine("problem: " + problem);
            }

            output.Append($"{messages.Count} archived message(s) and {received.Count} archived inbox message(s) in {archive.Folder}");
            return (messages.Count + received.Count > 0 && unreadable.Count + inboxUnreadable.Count == 0 ? 0 : 1, output.ToString());
        }
    }

    /// <summary><c>migrate</c>: brings the database schema up to date and stops (the embedded cluster too, when it
    /// started it), so an upgrade can migrate before the new version serves.</summary>
    /// <exception cref="HubStartupException">The database cannot be reached or migrated.</exception>
    public static async Task<string> MigrateAsync(string[] args, Action<IConfigurationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var (app, _, _, postgres, _, connectionString) = Build(args, configure, logging: null, services: null);
        await using (app)
        {
            try
            {
                if (postgres is not null)
                {
                    await postgres.StartAsync(cancellationToken);
                }

                await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
                var database = new NpgsqlConnectionStringBuilder(connectionString);
                return $"The schema of database '{database.Database}' on {database.Host}:{database.Port} is up to date.";
            }
            catch (NpgsqlException e)
            {
                throw new HubStartupException($"Cannot migrate the database: {e.Message}");
            }
            finally
            {
                if (postgres is not null)
                {
                    await postgres.StopAsync();
                }
            }
        }
    }

    /// <summary>Everything up to a built application: configuration, logging, the listen address, storage's connection
    /// string (an embedded cluster prepared, not started, unless <paramref name="prepareStorage"/> is false), the
    /// modules and the services.</summary>
    private static HubBuild Build(string[] args, Action<IConfigurationBuilder>? configure, Action<ILoggingBuilder>? logging, Action<IServiceCollection>? services, bool prepareStorage = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        LoadConfiguration(builder, args, configure);
        UseSingleLineConsoleLog(builder.Logging);
        logging?.Invoke(builder.Logging);

        var hubOptions = builder.Configuration.GetSection(HubOptions.Section).Get<HubOptions>() ?? new HubOptions();
        var listenUrls = ListenUrls(builder, hubOptions);

        EmbeddedPostgres? postgres = null;
        var connectionString = builder.Configuration.GetConnectionString("Hub");
        if (string.IsNullOrWhiteSpace(connectionString) && !prepareStorage)
        {
            // Nothing connects in a check: the embedded cluster's folder is not even made.
            connectionString = "Host=127.0.0.1;Database=integrationhub";
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            using var loggerFactory = LoggerFactory.Create(l => l.AddConsole());
            postgres = new EmbeddedPostgres(hubOptions.EmbeddedPostgres, builder.Environment.ContentRootPath, loggerFactory.CreateLogger<EmbeddedPostgres>());
            postgres.Prepare();
            connectionString = postgres.ConnectionString;
        }

        var hub = new HubBuilder(builder.Services, builder.Configuration).AddModules(HubModuleCatalog.Discover(AppContext.BaseDirectory));
        ConfigureServices(builder, hub, hubOptions, connectionString);
        services?.Invoke(builder.Services);
        return new HubBuild(builder.Build(), hub, hubOptions, postgres, listenUrls, connectionString);
    }

    private sealed record HubBuild(WebApplication App, HubBuilder Hub, HubOptions Options, EmbeddedPostgres? Postgres, string ListenUrls, string ConnectionString);

    /// <summary>A newcomer's first minute: the addresses actually bound (after --urls, ASPNETCORE_URLS or port 0) and
    /// where to point a browser or a probe, one line each (ASP.NET Core's own "Now listening on" is below the level kept).</summary>
    private static void AnnounceAddresses(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IntegrationHub");
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        if (addresses.Count == 0)
        {
            return;
        }

        var first = addresses[0].TrimEnd('/');
        logger.LogInformation("IntegrationHub is listening on {Addresses}", string.Join(", ", addresses));
        logger.LogInformation("Dashboard: {Url}/hangfire", first);
        logger.LogInformation("Admin API: {Url}/api/flows (flows), {Url}/api/messages (message history)", first, first);
        logger.LogInformation("API docs: {Url}{Docs} (OpenAPI {Url}{Document})", first, ApiDocsEndpoints.ReferencePath, first, ApiDocsEndpoints.DocumentPath);
        logger.LogInformation("Health: {Url}/health/live (liveness), {Url}/health/ready (readiness), {Url}/health/connectivity (counterparties)", first, first, first);
        logger.LogInformation("Metrics: {Url}{Path} (Prometheus; the admin login or Hub:Metrics:Token)", first, HubTelemetry.MetricsPath);
    }

    private static void LoadConfiguration(WebApplicationBuilder builder, string[] args, Action<IConfigurationBuilder>? configure)
    {
        var folder = Environment.GetEnvironmentVariable("HUB_CONFIG_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "config");
        HubConfigurationFiles.Load(builder.Configuration, folder, builder.Environment.EnvironmentName, args);
        configure?.Invoke(builder.Configuration);
    }

    /// <summary>The standard address settings (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>--http_ports</c>...) win;
    /// <c>Hub:Http:Urls</c> is only the default when none is given.</summary>
    private static string ListenUrls(WebApplicationBuilder builder, HubOptions hubOptions)
    {
        var configuration = builder.Configuration;
        string[] standard = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];
        if (standard.FirstOrDefault(key => !string.IsNullOrWhiteSpace(configuration[key])) is { } chosen)
        {
            // Said aloud: a container image's ASPNETCORE_HTTP_PORTS=8080 would otherwise move a loopback-only hub to
            // every interface without a word.
            Console.Error.WriteLine($"IntegrationHub listens where '{chosen}' says ({configuration[chosen]}), not on Hub:Http:Urls ({hubOptions.Http.Urls}).");
            return configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls ? urls : "the ports in http_ports/https_ports";
        }

        builder.WebHost.UseUrls(hubOptions.Http.Urls);
        return hubOptions.Http.Urls;
    }

    /// <summary>Console entries are one line each with caller-sent text escaped (log forging). <c>json</c> (one JSON
    /// object per line) stays selectable through <c>Logging:Console:FormatterName</c>; <c>simple</c> is replaced, as it
    /// lets a carriage return or escape sequence through.</summary>
    private static void UseSingleLineConsoleLog(ILoggingBuilder logging)
    {
        logging.AddConsoleFormatter<SingleLineConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        logging.Services.PostConfigure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(options =>
        {
            if (options.FormatterName is null or Microsoft.Extensions.Logging.Console.ConsoleFormatterNames.Simple)
            {
                options.FormatterName = SingleLineConsoleFormatter.FormatterName;
            }
        });
    }

    private static void ConfigureServices(WebApplicationBuilder builder, HubBuilder hub, HubOptions hubOptions, string connectionString)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.Configure<HubOptions>(builder.Configuration.GetSection(HubOptions.Section));
        // Keepalives let a dead peer be noticed, so an advisory lock held on an idle connection is not kept by a ghost.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 30, TcpKeepAlive = true, ApplicationName = "integrationhub" }.ConnectionString)
            .TraceOnlyWithinSpans().Build());
        services.AddSingleton<ConnectionPoolReset>();
        services.AddSingleton<SchemaMigrator>();
        services.AddPersonalData(builder.Configuration, builder.Environment);
        services.AddSingleton<MessageStore>();
        services.AddSingleton<PostgresAttachmentStore>();
        services.AddSingleton<Contracts.IAttachmentStore>(sp => sp.GetRequiredService<PostgresAttachmentStore>());
        services.AddTransient<AttachmentCleanupJob>();
        services.AddSingleton<HistoryPartitionStore>();
        services.AddSingleton(sp => new HistoryArchive(Path.GetFullPath(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<HubOptions>>().Value.Retention.ArchiveFolder, sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddTransient<HistoryRetentionJob>();
        services.AddSingleton<InboxPartitionStore>();
        services.AddTransient<InboxRetention>();
        services.AddTransient<AuditRetention>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<FlowActivityStore>();
        services.AddSingleton<FlowRunStore>();
        services.AddSingleton<FlowPauseStore>();
        services.AddSingleton<FlowPauseOperations>();
        services.AddSingleton<Maintenance.RecurringMaintenanceSchedule>();
        services.AddSingleton<MaintenanceWindowStore>();
        services.AddSingleton<Maintenance.ConnectorMaintenance>();
        services.AddSingleton<MaintenanceOperations>();
        services.AddSingleton<FlowStatusReader>();
        services.AddSingleton<HubClock>();
        services.AddSingleton(new Calendar.VietnameseLunarCalendar());
        services.AddSingleton<Calendar.WorkingCalendars>();
        services.AddSingleton<Sla.FlowSlas>();
        services.AddSingleton<Sla.SlaEvaluator>();
        services.AddSingleton<Sla.SlaBreachCheck>();
        services.AddSingleton<Admin.Dashboard.DashboardLanguage>();
        services.AddSingleton<InstallationStore>();
        services.AddSingleton<DeadLetterStore>();
        services.AddSingleton<MessageHistoryStore>();
        services.AddSingleton<DeadLetterOperations>();
        services.AddSingleton(sp => new ConnectorCatalog(hub.Connectors, sp));
        services.AddSingleton(hub.Contributions);
        services.AddTransient<RecurringTaskJob>();
        services.AddSingleton(new FlowCatalog(builder.Configuration, hubOptions.Scheduling));
        services.AddSingleton<HubConfigurationValidator>();
        AddInbound(services, builder.Configuration, connectionString);
        AddAlerts(services, builder.Configuration);
        services.AddSingleton<MessageEnrichers>();
        services.AddHubTelemetry(builder.Configuration);
        services.AddSingleton<CounterpartyPipelines>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<DeliveryMaintenance>();
        services.AddSingleton<FlowRunDispatcher>();
        services.AddSingleton<Maintenance.WindowEndJobs>();
        services.AddTransient<FlowRunner>();
        services.AddTransient<DeliveryRunner>();
        services.AddTransient<FlowRunJob>();
        services.AddTransient<DeliveryJob>();
        services.AddSingleton<BackfillStore>();
        services.AddSingleton<BackfillOperations>();
        services.AddTransient<BackfillRunner>();
        services.AddTransient<BackfillJob>();
        services.AddSingleton<Evidence.EvidenceKeys>();
        services.AddSingleton<Evidence.EvidenceSequencer>();
        services.AddSingleton<Evidence.EvidenceHeadSigner>();
        services.AddSingleton<Evidence.EvidenceVerifier>();
        services.AddSingleton<Evidence.EvidenceExporter>();
        services.AddSingleton<Evidence.EvidenceRetirement>();
        services.AddSingleton(sp => new Evidence.EvidenceArchive(Path.Combine(sp.GetRequiredService<HistoryArchive>().Folder, Evidence.EvidenceArchive.Folder)));

        // Hosted services start in this order: sandboxes before anything calls them, flows after the engines.
        services.AddSingleton(sp => new SandboxHost(hub.Sandboxes, sp, builder.Configuration, sp.GetRequiredService<ILogger<SandboxHost>>()));
        services.AddHostedService(sp => sp.GetRequiredService<SandboxHost>());
        services.AddHostedService<PartnerSimulator>();
        AddHangfire(services, hubOptions.Jobs);
        services.AddSingleton<WakeListenerState>();
        services.AddKeyedSingleton(WakeListener.DataSourceKey, (_, _) => WakeListener.CreateDataSource(connectionString));
        services.AddSingleton<DeliveryWakeLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWakeLoop>());
        services.AddHostedService<WakeListener>();
        AddQuartz(services, hubOptions.Scheduling, connectionString);
        services.AddHostedService<FlowScheduler>();
        services.AddHostedService<AlertScheduler>();
        services.AddHostedService<MaintenanceScheduler>();
        services.AddHostedService<RecurringTaskScheduler>();
        services.AddSingleton<AbandonedRunTakeover>();
        services.AddHostedService(sp => sp.GetRequiredService<AbandonedRunTakeover>());
        services.AddSingleton<CounterpartyHealthMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<CounterpartyHealthMonitor>());
        services.AddHostedService<Evidence.EvidenceService>();
        services.AddSingleton<CounterpartyHealthTracker>();
        services.AddSingleton<CounterpartyHealthStore>();

        services.AddHttpContextAccessor();
        services.AddSingleton<VerifiedCredentialCache>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<OfficerAccounts>();
        OfficerAuthentication.Add(services, hubOptions.Admin.Oidc);
        services.AddSingleton<AdminAccessHandler>();
        services.AddSingleton<IAuthorizationHandler>(sp => sp.GetRequiredService<AdminAccessHandler>());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RoleRequiredResultHandler>();
        var authorization = services.AddAuthorizationBuilder();
        foreach (var (policyName, role) in OfficerRoles.Policies)
        {
            authorization.AddPolicy(policyName, policy => policy
                .AddAuthenticationSchemes(OfficerAuthentication.SchemeName)
                .AddRequirements(new AdminAccessRequirement(role)));
        }

        services.AddProblemDetails(ErrorResponses.Configure);
        services.AddSingleton<IHubAdminRequests, AdminRequests>();
        services.AddApiDocs();

        // With antiforgery registered, the Hangfire dashboard checks a token on its own POSTs (retry, delete...).
        services.AddAntiforgery();
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"])
            .AddCheck<HangfireHealthCheck>("hangfire", tags: ["ready"])
            .AddCheck<QuartzHealthCheck>("quartz", tags: ["ready"])
            .AddCheck<InboxRoutingHealthCheck>("inbox-routing", tags: ["ready"])
            .AddCheck<ConnectivityHealthCheck>("connectors", tags: [ConnectivityHealthCheck.Tag]);
        services.AddSingleton<ConnectivityCheckStore>();
        services.AddSingleton<ConnectivityChecker>();
        services.AddSingleton<ConnectorSummaries>();
    }

    private static void AddInbound(IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.Configure<InboundOptions>(configuration.GetSection(InboundOptions.Section));
        services.AddKeyedSingleton(InboxDataSource.Key, (_, _) => InboxDataSource.Create(connectionString));
        services.AddSingleton<InboundAuthenticator>();
        services.AddSingleton<InboundMessageValidator>();
        services.AddSingleton<SignedMessageReader>();
        services.AddSingleton<InboxPressure>();
        services.AddSingleton<InboxRouterSignal>();
        services.AddSingleton<NonceStore>();
        services.AddSingleton<HubInbound>();
        services.AddSingleton<Contracts.Inbound.IHubInbound>(sp => sp.GetRequiredService<HubInbound>());
        services.AddSingleton<InboxSources>();
        services.AddSingleton<InboxRoutingMonitor>();
        services.AddSingleton<ParkedInboxStore>();
        services.AddSingleton<ParkedInboxOperations>();
        services.AddSingleton<InboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddHostedService<InboxRouter>();
        services.AddSoapCore();
        services.AddSingleton<SoapCore.Extensibility.IFaultExceptionTransformer, InboundSoapFaultTransformer>();
        services.AddScoped<IInboundSoapService, InboundSoapService>();
    }

    private static void AddAlerts(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AlertStore>();
        services.AddSingleton<IHubAlerts>(sp => sp.GetRequiredService<AlertStore>());
        services.Configure<AlertOptions>(configuration.GetSection(AlertOptions.Section));
        services.AddSingleton<AlertMailer>();
        services.AddSingleton<AlertMailText>();
        services.AddSingleton<HubPublicAddress>();
        services.AddSingleton<AlertSweep>();
        services.AddSingleton<AlertDigest>();
        services.AddTransient<AlertJobs>();
    }

    private static void AddHangfire(IServiceCollection services, JobOptions jobs)
    {
        services.AddHangfire((sp, configuration) =>
        {
            // Hangfire keeps its filters in a static collection: replace the default retry filter instead of adding a second one.
            foreach (var filter in GlobalJobFilters.Filters.Where(f => f.Instance is AutomaticRetryAttribute).ToList())
            {
                GlobalJobFilters.Filters.Remove(filter.Instance);
            }

            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new AutomaticRetryAttribute
                {
                    Attempts = jobs.RetryAttempts,
                    DelaysInSeconds = jobs.RetryDelaysSeconds.Count == 0 ? [5, 15, 30, 60, 120, 300] : [.. jobs.RetryDelaysSeconds],
                    ExceptOn = [typeof(NonRetryableJobException)],
                    LogEvents = true,
                })
                .UsePostgreSqlStorage(
                    storage => storage.UseConnectionFactory(new DataSourceConnectionFactory(sp.GetRequiredService<NpgsqlDataSource>())),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = SchemaMigrator.HangfireSchema,
                        PrepareSchemaIfNecessary = false,
                        QueuePollInterval = jobs.QueuePollInterval,
                        InvisibilityTimeout = jobs.InvisibilityTimeout,
                        UseSlidingInvisibilityTimeout = true,
                        EnableLongPolling = true,
                    });
        });
        services.AddHangfireServer(options =>
        {
            options.WorkerCount = jobs.WorkerCount;
            options.ShutdownTimeout = jobs.ShutdownTimeout;
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
        });
    }

    private static void AddQuartz(IServiceCollection services, HubSchedulingOptions scheduling, string connectionString)
    {
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(options =>
            {
                options.InstanceName = scheduling.SchedulerName;
                options.GenerateInstanceId = true;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(postgres => postgres.ConnectionString = QuartzConnectionString(connectionString));
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = SchemaMigrator.QuartzTablePrefix;
                    options.MisfireThreshold = scheduling.MisfireThreshold;
                    options.SchemaProvisioning = SchemaProvisioning.None;
                    // A database failover or restart takes seconds: Quartz tries again after 3 s, not its default 15 s.
                    options.DbRetryInterval = TimeSpan.FromSeconds(3);
                });
                store.UseClustering(_ => { });
                store.UseSystemTextJsonSerializer(_ => { });
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }

    /// <summary>Quartz's own connections, named so they can be told apart in pg_stat_activity (and released at stop).</summary>
    private static string QuartzConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "integrationhub-quartz" }.ConnectionString;

    private static void ConfigurePipeline(WebApplication app, HubOptions hubOptions, ModuleContributions modules)
    {
        app.UseErrorResponses();
        if (hubOptions.Http.TrustedProxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in hubOptions.Http.TrustedProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseSecurityHeaders();
        app.UseWhen(c => c.Request.Path.StartsWithSegments(InboundSoapNamespace.Path), soap => soap.UseMiddleware<SoapGatewayMiddleware>());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<Admin.Dashboard.DashboardActionAuthorization>(DashboardPath, modules);
        app.UseMiddleware<RequestTextMiddleware>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Admin.Dashboard.DashboardPages.BasePath), dashboard => dashboard.UseMiddleware<Admin.Dashboard.DashboardLanguageMiddleware>());
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health/connectivity", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains(ConnectivityHealthCheck.Tag), ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHubMetrics();
        app.MapFlowsApi();
        app.MapBackfillApi();
        app.MapFlowActivityApi();
        app.MapDeadLettersApi();
        app.MapMessagesApi();
        app.MapEvidenceApi();
        app.MapParkedInboxApi();
        app.MapInboundApi();
        app.MapAlertsApi();
        app.MapConnectorsApi();
        app.MapMaintenanceApi();
        app.MapCalendarApi();
        app.MapSlaApi();
        app.MapPersonalDataApi();
        ((IEndpointRouteBuilder)app).UseSoapEndpoint<IInboundSoapService>(soap =>
        {
            soap.Path = InboundSoapNamespace.Path;
            soap.EncoderOptions =
            [
                new SoapEncoderOptions { MessageVersion = System.ServiceModel.Channels.MessageVersion.Soap11 },
                new SoapEncoderOptions { MessageVersion = System.ServiceModel.Channels.MessageVersion.CreateVersion(System.ServiceModel.EnvelopeVersion.Soap12, System.ServiceModel.Channels.AddressingVersion.None) },
            ];
            soap.SoapSerializer = SoapSerializer.DataContractSerializer;
            soap.IndentXml = false;
        });
        foreach (var map in modules.Endpoints)
        {
            map(app);
        }

        app.MapApiDocs();

        Admin.Dashboard.DashboardPages.Register(app.Services, modules);
        var access = app.Services.GetRequiredService<AdminAccessHandler>();
        app.MapHangfireDashboardWithAuthorizationPolicy(HubPolicies.Admin, DashboardPath, new DashboardOptions
        {
            DashboardTitle = "IntegrationHub",
            Authorization = [],
            // Hangfire's own buttons (retry, delete, trigger) only for operators; the POSTs are refused before it anyway.
            IsReadOnlyFunc = dashboard => !access.Allows(dashboard.GetHttpContext().User, dashboard.GetHttpContext(), OfficerRoles.Operator),
            DisplayStorageConnectionString = false,
            AppPath = null,
        });
    }
}
