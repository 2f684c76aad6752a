using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;
using NetArchTest.Rules;
using Xunit;

namespace IntegrationHub.Tests.Architecture;

/// <summary>The engine is a host of plug-ins: it names no connector. Connectors come in through the contract
/// (<c>IntegrationHub.Contracts</c>) and are found by <c>HubModuleCatalog</c>, never referenced by engine code.</summary>
public sealed class EngineArchitectureTests
{
    private const string Connectors = "IntegrationHub.Connectors";

    [Fact]
    public void No_engine_type_depends_on_a_connector()
    {
        var result = Types.InAssembly(typeof(HubApplication).Assembly)
            .ShouldNot().HaveDependencyOn(Connectors)
            .GetResult();

        Assert.True(result.IsSuccessful, $"Engine types that name a connector: {string.Join(", ", result.FailingTypeNames ?? [])}.");
    }

    [Fact]
    public void The_compiled_engine_references_no_connector_assembly()
    {
        // The host's project references every connector (so they are built and copied beside it), but the compiler
        // keeps only the references the code uses: none may be a connector's.
        var referenced = typeof(HubApplication).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.Contains("IntegrationHub.Contracts", referenced);
        Assert.DoesNotContain(referenced, name => name.StartsWith(Connectors, StringComparison.Ordinal));
    }

    [Fact]
    public void The_rule_catches_a_dependency_on_a_connector()
    {
        // The payments feature, once host code, depends on its connector: the rule must see that, or it proves nothing.
        var result = Types.InAssembly(typeof(IntegrationHub.Connectors.PaymentPlatform.PaymentPlatformModule).Assembly)
            .That().ResideInNamespace("IntegrationHub.Connectors.PaymentPlatform.Payments")
            .ShouldNot().HaveDependencyOn(Connectors)
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void The_composition_root_lists_no_connector()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryFolder.Root(), "host", "IntegrationHub.Host", "HubApplication.cs"));
        var project = File.ReadAllText(Path.Combine(RepositoryFolder.Root(), "host", "IntegrationHub.Host", "IntegrationHub.Host.csproj"));

        Assert.DoesNotContain(Connectors, source, StringComparison.Ordinal);
        Assert.Contains("<ProjectReference Include=\"../../connectors/*/*.csproj\" />", project, StringComparison.Ordinal);
        Assert.DoesNotContain("connectors/IntegrationHub.Connectors.", project, StringComparison.Ordinal);
    }
}
