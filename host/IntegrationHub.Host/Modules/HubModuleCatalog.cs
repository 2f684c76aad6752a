using System.Reflection;
using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Modules;

/// <summary>Finds the connector modules: every <c>IntegrationHub.Connectors.*</c> assembly beside the host (the host's
/// project references every project under <c>connectors/</c> with one glob) that declares <see cref="HubModuleAttribute"/>.
/// There is no hand-kept list: a connector is in the hub because its assembly is.</summary>
public static class HubModuleCatalog
{
    public static IReadOnlyList<IHubModule> Discover(string folder)
    {
        var modules = new List<IHubModule>();
        foreach (var file in Directory.GetFiles(folder, "IntegrationHub.Connectors.*.dll").Order(StringComparer.Ordinal))
        {
            var assembly = Load(file);
            foreach (var declared in assembly.GetCustomAttributes<HubModuleAttribute>())
            {
                if (!typeof(IHubModule).IsAssignableFrom(declared.ModuleType) || declared.ModuleType.GetConstructor(Type.EmptyTypes) is null)
                {
                    throw new HubStartupException($"{assembly.GetName().Name} declares module {declared.ModuleType.FullName}, which is not an IHubModule with a parameterless constructor.");
                }

                modules.Add((IHubModule)Activator.CreateInstance(declared.ModuleType)!);
            }
        }

        return modules;
    }

    /// <summary>An assembly already loaded (by a test, say) is used as is, so its types stay the same types; one the
    /// application's dependency list does not name (a package dropped beside the host) is loaded from its file.</summary>
    private static Assembly Load(string file)
    {
        var name = AssemblyName.GetAssemblyName(file);
        if (AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name)) is { } loaded)
        {
            return loaded;
        }

        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            return System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
        }
    }
}
