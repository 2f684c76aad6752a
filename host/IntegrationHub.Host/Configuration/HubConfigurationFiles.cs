using System.Text;
using System.Text.Json;

namespace IntegrationHub.Host.Configuration;

/// <summary>Reads the hub's configuration in its documented order and turns a file that cannot be read (not valid JSON,
/// missing) into the same one-message start-up report as every other configuration problem, with the file, line and
/// column as an editor shows them (1-based, in characters).</summary>
public static class HubConfigurationFiles
{
    /// <summary>Base files first, then the environment's overrides, then environment variables and the command line.
    /// <c>ASPNETCORE_</c>/<c>DOTNET_</c> variables stay in, so the standard <c>ASPNETCORE_URLS</c> keeps working.</summary>
    public static void Load(IConfigurationBuilder configuration, string folder, string environmentName, string[] args)
    {
        var sources = new List<string> { Path.Combine(folder, "appsettings.json") };
        var connectors = Path.Combine(folder, "connectors");
        if (Directory.Exists(connectors))
        {
            sources.AddRange(Directory.GetFiles(connectors, "*.json").Order(StringComparer.Ordinal));
        }

        configuration.Sources.Clear();
        foreach (var file in sources)
        {
            Add(configuration, file, environmentName, optional: false);
        }

        Add(configuration, Path.Combine(folder, "flows.json"), environmentName, optional: true);
        Add(configuration, Path.Combine(folder, "inbound.json"), environmentName, optional: true);
        Add(configuration, Path.Combine(folder, $"appsettings.{environmentName}.json"), environmentName, optional: true);
        configuration.AddEnvironmentVariables("DOTNET_");
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
    }

    private static void Add(IConfigurationBuilder configuration, string file, string environmentName, bool optional)
    {
        if (!optional && !File.Exists(file))
        {
            throw HubStartupException.ForProblems(environmentName, [$"{file}: the file does not exist (HUB_CONFIG_DIR names the folder that holds appsettings.json)."]);
        }

        try
        {
            configuration.AddJsonFile(file, optional);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            // The provider wraps the parser's error (InvalidDataException > FormatException > JsonException).
            var cause = e;
            while (cause.InnerException is not null && cause is not JsonException)
            {
                cause = cause.InnerException;
            }

            throw HubStartupException.ForProblems(environmentName, [cause is JsonException json ? Describe(file, json) : $"{file}: {cause.Message}"]);
        }
    }

    /// <summary>"file:line:column: what" — JsonException counts lines from 0 and columns in bytes from 0.</summary>
    private static string Describe(string file, JsonException json)
    {
        var line = (int)(json.LineNumber ?? 0);
        var column = Column(file, line, (int)(json.BytePositionInLine ?? 0));
        var message = json.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut].TrimEnd(' ', '|');
        }

        return $"{file}:{line + 1}:{column}: not valid JSON: {message}";
    }

    private static int Column(string file, int lineIndex, int bytePosition)
    {
        try
        {
            var line = File.ReadLines(file).Skip(lineIndex).FirstOrDefault() ?? "";
            var bytes = Encoding.UTF8.GetBytes(line);
            return Encoding.UTF8.GetCharCount(bytes, 0, Math.Min(bytePosition, bytes.Length)) + 1;
        }
        catch (IOException)
        {
            return bytePosition + 1;
        }
    }
}
