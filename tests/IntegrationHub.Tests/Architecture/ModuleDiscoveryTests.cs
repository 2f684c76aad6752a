using IntegrationHub.Host.Modules;
using IntegrationHub.Tests.Infrastructure;
using Xunit;

namespace IntegrationHub.Tests.Architecture;

/// <summary>Every connector package under <c>connectors/</c> is in the hub without a list: one module per package.</summary>
public sealed class ModuleDiscoveryTests
{
    private static readonly string[] SharedLibraries = ["IntegrationHub.Connectors.Kit", "IntegrationHub.Connectors.Sandboxing", "IntegrationHub.Connectors.TestKit"];

    [Fact]
    public void Every_connector_package_contributes_its_module()
    {
        var packages = Directory.GetDirectories(Path.Combine(RepositoryFolder.Root(), "connectors"))
            .Select(Path.GetFileName)
            .Where(name => File.Exists(Path.Combine(RepositoryFolder.Root(), "connectors", name!, $"{name}.csproj")) && !SharedLibraries.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();

        var modules = HubModuleCatalog.Discover(AppContext.BaseDirectory)
            .Select(m => m.GetType().Assembly.GetName().Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(packages);
        Assert.Equal(packages, modules);
    }

    [Fact]
    public void Every_registered_connector_has_settings_from_its_sandbox()
    {
        Assert.NotEmpty(RegisteredModules.ConnectorIds);
        Assert.All(RegisteredModules.SandboxIds, id =>
            Assert.Equal(RegisteredModules.Unreachable.ToString(), RegisteredModules.Setting(id, "BaseUrl")));
    }
}
