using IntegrationHub.Connectors.IGate;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IntegrationHub.Connectors.Tests.IGate;

public sealed class IGateConnectorSpecTests
{
    [Fact]
    public void Spec_names_igate_its_procedures_payments_evaluations_citizen_checks_and_e_copies_destinations_and_its_dossier_sources()
    {
        using var http = new HttpClient();
        using var connector = new IGateConnector(new IGateOptions(), http, NullLogger<IGateConnector>.Instance);

        var spec = connector.Spec;

        Assert.Equal("igate", IGateConnector.ConnectorId);
        Assert.Equal("payments", IGateConnector.PaymentsStream);
        Assert.Equal("evaluations", IGateConnector.EvaluationsStream);
        Assert.Equal("igate", spec.Id);
        Assert.Equal("1.0.0", spec.Version);
        Assert.Equal(typeof(IGateOptions), spec.OptionsType);
        Assert.Equal(
            [
                ("procedures", StreamDirection.Destination),
                ("dossiers", StreamDirection.Source),
                ("progress", StreamDirection.Source),
                ("payments", StreamDirection.Destination),
                ("evaluations", StreamDirection.Destination),
                ("citizen-checks", StreamDirection.Destination),
                ("e-copies", StreamDirection.Destination),
                ("delivery-status", StreamDirection.Destination),
            ],
            spec.Streams.Select(s => (s.Name, s.Direction)));
        Assert.All(spec.Streams, s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
        Assert.IsAssignableFrom<ISourceConnector>(connector);
        Assert.IsAssignableFrom<IDestinationConnector>(connector);
    }

    [Fact]
    public void The_module_registers_the_connector_and_its_sandbox_under_igate()
    {
        var hub = new RecordingHubBuilder();

        new IGateModule().Register(hub);

        Assert.Equal(
            [
                ("connector", "igate", typeof(IGateConnector), typeof(IGateOptions)),
                ("sandbox", "igate", typeof(IGateSandbox), typeof(IGateSandboxOptions)),
            ],
            hub.Registrations);
    }

    [Fact]
    public void Sandbox_stands_in_for_igate()
    {
        var sandbox = new IGateSandbox(new IGateSandboxOptions { ApiKey = "k" });

        Assert.Equal("igate", sandbox.ConnectorId);
    }
}
