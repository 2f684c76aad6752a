using System.Reflection;

namespace IntegrationHub.Benchmarks;

/// <summary>Finds IntegrationHub.Host.dll: the one the benchmark's own build produced (same configuration), or --host-dll.</summary>
internal static class HostLocator
{
    public static string Find(string? overridePath)
    {
        var path = overridePath ?? typeof(HostLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "HostAssemblyPath")?.Value;
        return path is not null && File.Exists(path)
            ? Path.GetFullPath(path)
            : throw new BenchmarkException($"The host is not built at '{path}': build this project (it builds the host too) or pass --host-dll.");
    }

    /// <summary>The dotnet muxer that runs this process (DOTNET_HOST_PATH under dotnet run), else dotnet from PATH.</summary>
    public static string DotnetExecutable() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } muxer && File.Exists(muxer) ? muxer : "dotnet";
}
