using System.ComponentModel.DataAnnotations;
using IntegrationHub.Host.Admin;
using IntegrationHub.Host.Enrichment;
using IntegrationHub.Host.Modules;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Host.Configuration;

/// <summary>Checks the whole configuration at start and reports every problem at once, so an operator fixes
/// config in one pass instead of one restart per mistake.</summary>
public sealed class HubConfigurationValidator(
    ConnectorCatalog connectors,
    FlowCatalog flows,
    IOptions<HubOptions> hubOptions,
    IOptions<InboundOptions> inboundOptions,
    IOptions<AlertOptions> alertOptions,
    IOptionsMonitor<CounterpartyResilienceOptions> resilience,
    MessageEnrichers enrichers,
    ModuleContributions modules,
    IHostEnvironment environment,
    IConfiguration configuration,
    IServiceProvider services)
{
    public async Task<IReadOnlyList<string>> FindProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var registration in connectors.Registrations)
        {
            await ValidateConnectorAsync(registration, problems, cancellationToken);
            ValidateResilience(registration.Id, resilience.Get(registration.Id), problems);
        }

        problems.AddRange(services.GetRequiredService<Maintenance.RecurringMaintenanceSchedule>().Problems);

        foreach (var (id, flow) in flows.Options)
        {
            ValidateFlow(id, flow, problems);
        }

        problems.AddRange(Storage.HubConnectionString.Problems(configuration.GetConnectionString("Hub")));
        ValidateInbound(inboundOptions.Value, problems);
        ValidateModuleOptions(problems);
        ValidateRecurringTasks(problems);
        ValidateAlerts(alertOptions.Value, problems);
        ValidateAdmin(hubOptions.Value.Admin, problems);
        problems.AddRange(hubOptions.Value.Metrics.Problems());
        problems.AddRange(hubOptions.Value.Retention.Problems());
        problems.AddRange(hubOptions.Value.Wake.Problems());
        problems.AddRange(hubOptions.Value.Calendar.Problems());
        problems.AddRange(hubOptions.Value.Evidence.Problems());
        problems.AddRange(services.GetRequiredService<Evidence.EvidenceKeys>().Problems);
        problems.AddRange(services.GetRequiredService<Sla.FlowSlas>().Problems);
        problems.AddRange(PersonalData.PersonalDataServices.Problems(configuration, environment));
        var attachments = hubOptions.Value.Attachments;
        if (!CronExpression.TryParse(attachments.CleanupSchedule, out _) || attachments.AbandonedAfter < TimeSpan.FromHours(1))
        {
            problems.Add($"Hub:Attachments: CleanupSchedule '{attachments.CleanupSchedule}' must be a valid Quartz cron expression and AbandonedAfter at least 01:00:00.");
        }

        var connectivity = hubOptions.Value.Connectivity;
        if (!CronExpression.TryParse(connectivity.Schedule, out _) || connectivity.Timeout < TimeSpan.FromSeconds(1) || connectivity.Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"Hub:Connectivity: Schedule '{connectivity.Schedule}' must be a valid Quartz cron expression and Timeout between 00:00:01 and 00:05:00.");
        }

        if (!string.IsNullOrWhiteSpace(hubOptions.Value.PublicUrl) &&
            (!Uri.TryCreate(hubOptions.Value.PublicUrl, UriKind.Absolute, out var publicUrl) || publicUrl.Scheme is not ("http" or "https") ||
             publicUrl.Query.Length > 0 || publicUrl.Fragment.Length > 0))
        {
            problems.Add($"Hub:PublicUrl '{hubOptions.Value.PublicUrl}' must be an absolute http(s) address without query, e.g. https://hub.tinh.gov.vn.");
        }

        ValidateDashboard(hubOptions.Value, problems);
        if (hubOptions.Value.Takeover.After < TimeSpan.FromSeconds(3) || hubOptions.Value.Takeover.After > TimeSpan.FromMinutes(10))
        {
            problems.Add($"Hub:Takeover:After {hubOptions.Value.Takeover.After} must be between 00:00:03 and 00:10:00 (how soon a dead host's runs and deliveries are taken over).");
        }

        if (hubOptions.Value.Counterparties.FailingAlertAfter < TimeSpan.FromSeconds(1))
        {
            problems.Add($"Hub:Counterparties:FailingAlertAfter {hubOptions.Value.Counterparties.FailingAlertAfter} must be at least 00:00:01.");
        }

        foreach (var proxy in hubOptions.Value.Http.TrustedProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            problems.Add($"Hub:Http:TrustedProxies: '{proxy}' is not an IP address.");
        }

        return problems;
    }

    public async Task ValidateAsync(CancellationToken cancellationToken)
    {
        var problems = await FindProblemsAsync(cancellationToken);
        if (problems.Count > 0)
        {
            throw HubStartupException.ForProblems(environment.EnvironmentName, problems, EnvironmentHint());
        }
    }

    /// <summary>Without a chosen environment ASP.NET Core runs as Production, which needs an admin login and real
    /// endpoints; say how the local demo is started instead of leaving the operator to guess.</summary>
    private string? EnvironmentHint() =>
        environment.IsProduction() && !EnvironmentWasChosen()
            ? "No environment was chosen (ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or --environment), so this is Production. " +
              "For the local demo with sandboxes: dotnet run --project host/IntegrationHub.Host -- --environment Development"
            : null;

    private bool EnvironmentWasChosen() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")) ||
        !string.IsNullOrEmpty(configuration["environment"]);

    private async Task ValidateConnectorAsync(ConnectorRegistration registration, List<string> problems, CancellationToken cancellationToken)
    {
        var prefix = $"Connectors:{registration.Id}";
        object options;
        try
        {
            options = registration.GetOptions(services);
        }
        catch (InvalidOperationException e)
        {
            problems.Add($"{prefix}: {e.Message}");
            return;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var found = results.Select(r => $"{prefix}: {r.ErrorMessage}").ToList();
        if (found.Count == 0)
        {
            // Only a connector whose options bind cleanly is asked for its own offline check.
            var check = await connectors.Get(registration.Id).CheckAsync(CheckScope.Parameters, cancellationToken);
            found.AddRange(check.Problems.Select(p => $"{prefix}: {p}"));
            found.AddRange(connectors.PayloadSchemas.Problems(registration.Id).Select(p => $"{prefix}: {p}"));
        }

        problems.AddRange(found.Distinct());
    }

    private static void ValidateResilience(string connectorId, CounterpartyResilienceOptions options, List<string> problems)
    {
        var prefix = $"Connectors:{connectorId}:Resilience";
        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{prefix}:AttemptTimeout must be positive.");
        }

        if (options.MaxRetryAttempts is < 0 or > 100)
        {
            problems.Add($"{prefix}:MaxRetryAttempts must be between 0 and 100.");
        }

        if (options.BreakerFailureRatio is <= 0 or > 1)
        {
            problems.Add($"{prefix}:BreakerFailureRatio must be greater than 0 and at most 1.");
        }

        if (options.BreakerMinimumThroughput < 2)
        {
            problems.Add($"{prefix}:BreakerMinimumThroughput must be at least 2.");
        }

        if (options.BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || options.BreakerDuration < TimeSpan.FromMilliseconds(500))
        {
            problems.Add($"{prefix}: BreakerSamplingDuration and BreakerDuration must be at least 0.5 s.");
        }
    }

    private void ValidateFlow(string id, FlowOptions flow, List<string> problems)
    {
        var prefix = $"Flows:{id}";
        var inbound = IsInboundSource(flow.Source);
        if (!inbound)
        {
            ValidateStream($"{prefix}:Source", flow.Source, StreamDirection.Source, problems);
        }

        if (flow.Destinations.Count == 0)
        {
            problems.Add($"{prefix}:Destinations: at least one destination is required.");
        }

        foreach (var repeated in flow.Destinations.GroupBy(d => d, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{prefix}:Destinations: '{repeated.Key}' is listed more than once.");
        }

        for (var i = 0; i < flow.Destinations.Count; i++)
        {
            ValidateStream($"{prefix}:Destinations:{i}", flow.Destinations[i], StreamDirection.Destination, problems);
        }

        if (inbound)
        {
            if (!string.IsNullOrWhiteSpace(flow.Schedule) || flow.RunOnStart)
            {
                problems.Add($"{prefix}: the source '{flow.Source}' is pushed to the hub, so the flow runs as messages arrive; remove Schedule and RunOnStart.");
            }
        }
        else if (string.IsNullOrWhiteSpace(flow.Schedule))
        {
            problems.Add($"{prefix}:Schedule is required (a Quartz cron expression such as '0 0/5 * * * ?').");
        }
        else if (!CronExpression.TryParse(flow.Schedule, out _))
        {
            problems.Add($"{prefix}:Schedule '{flow.Schedule}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0/5 * * * ?').");
        }

        if (flow.Calendar is { Length: > 0 } calendar && calendar is not ("working-days" or "all-days") && !hubOptions.Value.Calendar.Named.ContainsKey(calendar))
        {
            problems.Add($"{prefix}:Calendar '{calendar}' is not a calendar (working-days, all-days, or a name of Hub:Calendar:Named: {string.Join(", ", hubOptions.Value.Calendar.Named.Keys.Order(StringComparer.Ordinal))}).");
        }

        if (flow.Misfire is { Length: > 0 } misfire && misfire is not ("fire-once-now" or "skip"))
        {
            problems.Add($"{prefix}:Misfire '{misfire}' must be fire-once-now (run once at start for a missed slot) or skip.");
        }

        if (flow.Enricher is { } name)
        {
            if (enrichers.Find(name) is not { } enricher)
            {
                problems.Add($"{prefix}:Enricher '{name}' is not a known enrichment step (known: {string.Join(", ", enrichers.Names.Order(StringComparer.Ordinal))}).");
            }
            else
            {
                problems.AddRange(enricher.ConnectorIds.Where(c => !connectors.IsRegistered(c))
                    .Select(c => $"{prefix}:Enricher '{name}' needs the connector '{c}', which is not registered."));
            }
        }

        FlowFilter.Parse(configuration.GetSection($"{prefix}:Filter"), problems);
        var zone = string.IsNullOrWhiteSpace(flow.TimeZone) ? flows.DefaultTimeZone : flow.TimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            problems.Add($"{prefix}:TimeZone '{zone}' is not a known time zone.");
        }
    }

    /// <summary>A source pushed to the hub: a partner's message type, or a connector's inbound stream (a callback).</summary>
    private bool IsInboundSource(string? source)
    {
        if (!StreamRef.TryParse(source, out var streamRef))
        {
            return false;
        }

        if (inboundOptions.Value.Partners.TryGetValue(streamRef!.ConnectorId, out var partner))
        {
            return partner.MessageTypes.ContainsKey(streamRef.Stream);
        }

        return connectors.IsRegistered(streamRef.ConnectorId) &&
            connectors.Get(streamRef.ConnectorId).Spec.Streams.Any(s => s.Name == streamRef.Stream && s.Direction.HasFlag(StreamDirection.Inbound));
    }

    private static void ValidateAlerts(AlertOptions alerts, List<string> problems)
    {
        if (alerts.SweepInterval < TimeSpan.FromSeconds(1) || alerts.CircuitIncidentWindow < TimeSpan.FromMinutes(1))
        {
            problems.Add("Alerts: SweepInterval must be at least 00:00:01 and CircuitIncidentWindow at least 00:01:00.");
        }

        if (!CronExpression.TryParse(alerts.DigestSchedule, out _))
        {
            problems.Add($"Alerts:DigestSchedule '{alerts.DigestSchedule}' is not a valid Quartz cron expression.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(alerts.TimeZone, out _))
        {
            problems.Add($"Alerts:TimeZone '{alerts.TimeZone}' is not a known time zone.");
        }

        var smtp = alerts.Smtp;
        if (smtp.Security is not ("None" or "StartTls" or "SslOnConnect"))
        {
            problems.Add($"Alerts:Smtp:Security '{smtp.Security}' is not None, StartTls or SslOnConnect.");
        }

        foreach (var address in smtp.To.Append(smtp.From).Where(a => !MimeKit.MailboxAddress.TryParse(a, out _)))
        {
            problems.Add($"Alerts:Smtp: '{address}' is not an e-mail address.");
        }

        if (!string.IsNullOrWhiteSpace(smtp.Username) && string.IsNullOrEmpty(smtp.Password))
        {
            problems.Add("Alerts:Smtp:Password is required with a Username (set it from the environment: Alerts__Smtp__Password).");
        }

        if (!string.IsNullOrWhiteSpace(smtp.Host) && (smtp.Port is < 1 or > 65535 || smtp.To.Count == 0))
        {
            problems.Add("Alerts:Smtp: with a Host, Port must be 1-65535 and To must list at least one address.");
        }
    }

    /// <summary>Options modules bind with <c>ValidateOnStart</c> (their own sections): every failure listed.</summary>
    private void ValidateModuleOptions(List<string> problems)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            problems.AddRange(e.Failures);
        }
        catch (AggregateException e)
        {
            problems.AddRange(e.InnerExceptions.OfType<OptionsValidationException>().SelectMany(f => f.Failures));
        }
    }

    /// <summary>Each module task's schedule, as its module's options give it (options that failed were listed above).</summary>
    private void ValidateRecurringTasks(List<string> problems)
    {
        foreach (var task in modules.RecurringTasks)
        {
            RecurringSchedule schedule;
            try
            {
                schedule = task.Schedule(services);
            }
            catch (OptionsValidationException)
            {
                continue;
            }

            if (!CronExpression.TryParse(schedule.Cron, out _))
            {
                problems.Add($"Recurring task '{task.Name}': '{schedule.Cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0/5 * * * ?').");
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out _))
            {
                problems.Add($"Recurring task '{task.Name}': time zone '{schedule.TimeZone}' is not known.");
            }
        }
    }

    private void ValidateInbound(InboundOptions inbound, List<string> problems)
    {
        if (inbound.CommitTimeout < TimeSpan.FromMilliseconds(100) || inbound.RetryAfterSeconds is < 1 or > 3600)
        {
            problems.Add("Inbound: CommitTimeout must be at least 00:00:00.1 and RetryAfterSeconds between 1 and 3600.");
        }

        if (inbound.MaxBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            problems.Add("Inbound:MaxBodyBytes must be between 1024 and 67108864.");
        }

        if (inbound.MaxXmlDepth is < 8 or > 256)
        {
            problems.Add("Inbound:MaxXmlDepth must be between 8 and 256 (a SOAP request needs 5 levels).");
        }

        if (inbound.ClockSkew < TimeSpan.FromSeconds(30) || inbound.ClockSkew > TimeSpan.FromHours(1))
        {
            problems.Add("Inbound:ClockSkew must be between 00:00:30 and 01:00:00.");
        }

        if (inbound.MaxInboxDepth < 1 || inbound.MaxQueuedRequests < 1 || inbound.CommitBatchSize < 1 || inbound.Writers is < 1 or > 32 || inbound.RouteBatchSize < 1)
        {
            problems.Add("Inbound: MaxInboxDepth, MaxQueuedRequests, CommitBatchSize and RouteBatchSize must be positive, Writers 1 to 32.");
        }

        if (inbound.RoutingStallAge < TimeSpan.FromSeconds(1) || inbound.RoutingStallAge > TimeSpan.FromDays(1)
            || inbound.UnroutedAlertAge < TimeSpan.FromSeconds(1) || inbound.UnroutedAlertAge > TimeSpan.FromDays(1))
        {
            problems.Add("Inbound: RoutingStallAge and UnroutedAlertAge must be between 00:00:01 and 1.00:00:00.");
        }

        foreach (var (id, partner) in inbound.Partners)
        {
            var prefix = $"Inbound:Partners:{id}";
            if (connectors.IsRegistered(id))
            {
                problems.Add($"{prefix}: '{id}' is a connector id; give the partner another id.");
            }

            if (string.IsNullOrWhiteSpace(partner.ApiKey) || partner.ApiKey.Length < 16)
            {
                problems.Add($"{prefix}:ApiKey is required (at least 16 characters; set it from the environment, e.g. Inbound__Partners__{id}__ApiKey).");
            }

            if (string.IsNullOrWhiteSpace(partner.Secret) || partner.Secret.Length < 32)
            {
                problems.Add($"{prefix}:Secret is required (at least 32 characters; set it from the environment, e.g. Inbound__Partners__{id}__Secret).");
            }

            if (partner.MessageTypes.Count == 0)
            {
                problems.Add($"{prefix}:MessageTypes: at least one message type is required.");
            }

            foreach (var (name, type) in partner.MessageTypes)
            {
                var typePrefix = $"{prefix}:MessageTypes:{name}";
                if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9][a-z0-9-]{0,63}$"))
                {
                    problems.Add($"{typePrefix}: a message type name is lowercase letters, digits and '-'.");
                }

                foreach (var (field, options) in type.Fields.Where(f => !InboundFieldOptions.Types.Contains(f.Value.Type)))
                {
                    problems.Add($"{typePrefix}:Fields:{field}:Type '{options.Type}' is not one of {string.Join(", ", InboundFieldOptions.Types)}.");
                }

                if (type.BusinessKeyField is { } key && !type.Fields.ContainsKey(key))
                {
                    problems.Add($"{typePrefix}:BusinessKeyField '{key}' is not one of its Fields.");
                }
            }
        }
    }

    private void ValidateStream(string key, string? text, StreamDirection direction, List<string> problems)
    {
        if (!StreamRef.TryParse(text, out var streamRef))
        {
            problems.Add($"{key}: '{text}' is not of the form connector:stream.");
            return;
        }

        if (!connectors.IsRegistered(streamRef!.ConnectorId))
        {
            var known = string.Join(", ", connectors.Registrations.Select(r => r.Id).Order(StringComparer.Ordinal));
            problems.Add($"{key}: unknown connector '{streamRef.ConnectorId}' (registered connectors: {known}).");
            return;
        }

        var connector = connectors.Get(streamRef.ConnectorId);
        var stream = connector.Spec.Streams.FirstOrDefault(s => s.Name == streamRef.Stream);
        if (stream is null || !stream.Direction.HasFlag(direction))
        {
            var role = direction == StreamDirection.Source ? "a source" : "a destination";
            var offered = string.Join(", ", connector.Spec.Streams.Where(s => s.Direction.HasFlag(direction)).Select(s => s.Name));
            problems.Add($"{key}: connector '{streamRef.ConnectorId}' has no stream '{streamRef.Stream}' that is {role} (it offers: {(offered.Length == 0 ? "none" : offered)}).");
        }
    }

    /// <summary>The dashboard's language and the zone its times are shown in (also every flow's default).</summary>
    private static void ValidateDashboard(HubOptions hub, List<string> problems)
    {
        if (!Admin.Dashboard.DashboardText.IsLanguage(hub.Dashboard.Language))
        {
            problems.Add($"Hub:Dashboard:Language '{hub.Dashboard.Language}' must be one of: {string.Join(", ", Admin.Dashboard.DashboardText.Languages)}.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(hub.Scheduling.DefaultTimeZone, out _))
        {
            problems.Add($"Hub:Scheduling:DefaultTimeZone '{hub.Scheduling.DefaultTimeZone}' is not a known time zone.");
        }
    }

    private void ValidateAdmin(AdminOptions admin, List<string> problems)
    {
        var hasUser = !string.IsNullOrWhiteSpace(admin.Username);
        var hasHash = !string.IsNullOrWhiteSpace(admin.PasswordHash);
        if (hasHash && !AdminPasswordHasher.IsWellFormed(admin.PasswordHash!))
        {
            problems.Add("Hub:Admin:PasswordHash is not a hash made by 'hash-password'.");
        }

        if (environment.IsProduction() && !(hasUser && hasHash) && admin.Users.Count == 0 && !admin.Oidc.IsEnabled)
        {
            problems.Add("Hub:Admin:Username and Hub:Admin:PasswordHash must be set in Production (or officers' accounts in Hub:Admin:Users, or single sign-on " +
                "with Hub:Admin:Oidc:Authority): the dashboard and admin API need a login. " +
                "Make a hash with 'dotnet run --project host/IntegrationHub.Host -- hash-password' and set it through the environment (Hub__Admin__PasswordHash).");
        }
        else if (hasUser != hasHash)
        {
            problems.Add("Hub:Admin:Username and Hub:Admin:PasswordHash must be set together.");
        }

        problems.AddRange(OfficerAccounts.Problems(admin));
        problems.AddRange(OidcRoleMapper.Problems(admin.Oidc));

        if (admin.LoginAttemptsPerAddress < 1 || admin.LoginFailuresPerUser <= admin.LoginAttemptsPerAddress)
        {
            problems.Add($"Hub:Admin: LoginAttemptsPerAddress ({admin.LoginAttemptsPerAddress}) must be at least 1 and LoginFailuresPerUser " +
                $"({admin.LoginFailuresPerUser}) larger, so that one address cannot lock the user out.");
        }

        if (admin.LoginLimitWindow < TimeSpan.FromSeconds(1) || admin.LoginLimitWindow > TimeSpan.FromDays(1))
        {
            problems.Add($"Hub:Admin:LoginLimitWindow ({admin.LoginLimitWindow}) must be between 00:00:01 and 1.00:00:00.");
        }

        if (admin.MaxQueuedLoginChecks is < 1 or > 1000)
        {
            problems.Add($"Hub:Admin:MaxQueuedLoginChecks ({admin.MaxQueuedLoginChecks}) must be between 1 and 1000.");
        }
    }
}
