using IntegrationHub.Connectors.NationalPortal;
using IntegrationHub.Connectors.NationalPortal.Sandbox;
using IntegrationHub.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed class NationalPortalSpecTests
{
    [Fact]
    public void Spec_declares_procedures_as_source_and_dossiers_and_progress_as_destinations()
    {
        using var http = new HttpClient();
        var connector = new NationalPortalConnector(new NationalPortalOptions(), http, Microsoft.Extensions.Logging.Abstractions.NullLogger<NationalPortalConnector>.Instance);

        var spec = connector.Spec;

        Assert.Equal("national-portal", spec.Id);
        Assert.Equal(NationalPortalConnector.ConnectorId, spec.Id);
        Assert.Equal("1.1.0", spec.Version);
        Assert.Equal(typeof(NationalPortalOptions), spec.OptionsType);
        Assert.Equal(
            [("procedures", StreamDirection.Source), ("dossiers", StreamDirection.Destination), ("progress", StreamDirection.Destination)],
            spec.Streams.Select(s => (s.Name, s.Direction)));
        Assert.IsAssignableFrom<ISourceConnector>(connector);
        Assert.IsAssignableFrom<IDestinationConnector>(connector);
    }

    [Fact]
    public void Host_can_construct_connector_and_sandbox_with_ActivatorUtilities()
    {
        using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).BuildServiceProvider();
        using var http = new HttpClient();

        var connector = ActivatorUtilities.CreateInstance<NationalPortalConnector>(services, new NationalPortalOptions(), http);
        var sandbox = ActivatorUtilities.CreateInstance<NationalPortalSandbox>(services, new NationalPortalSandboxOptions());

        Assert.Equal("national-portal", connector.Spec.Id);
        Assert.Equal("national-portal", sandbox.ConnectorId);
    }

    [Fact]
    public void Options_ToString_never_shows_the_password()
    {
        var options = new NationalPortalOptions { BaseUrl = "https://portal.example/", Username = "u", Password = "bi-mat-123", UnitCode = "000.00.00.H56" };

        Assert.DoesNotContain("bi-mat-123", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("https://portal.example/", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Logger_category_type_is_the_connector()
    {
        // The host resolves ILogger<NationalPortalConnector>; keep the constructor asking for exactly that.
        var constructor = Assert.Single(typeof(NationalPortalConnector).GetConstructors());
        var parameters = constructor.GetParameters().Select(p => p.ParameterType).ToArray();

        Assert.Equal([typeof(NationalPortalOptions), typeof(HttpClient), typeof(ILogger<NationalPortalConnector>)], parameters);
    }
}
