using System.Runtime.CompilerServices;
using IntegrationHub.Contracts;
using PublicApiGenerator;
using Xunit;

namespace IntegrationHub.Tests.Contracts;

/// <summary>The connector contract is what connector authors build against: any change to it must be deliberate,
/// so its public API is compared with the approved text. To approve a change, copy the .received.txt over the
/// .approved.txt and commit it.</summary>
public sealed class ContractsPublicApiTests
{
    [Fact]
    public void Public_api_of_the_contracts_matches_the_approved_text()
    {
        var api = typeof(IConnector).Assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.SupportedOSPlatformAttribute", "System.Runtime.Versioning.TargetFrameworkAttribute"] });
        var approvedPath = Path.Combine(SourceFolder(), "IntegrationHub.Contracts.approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : string.Empty;
        if (Normalize(approved) != Normalize(api))
        {
            File.WriteAllText(Path.ChangeExtension(approvedPath, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt", api);
            Assert.Fail($"The public API of IntegrationHub.Contracts changed. Review {approvedPath.Replace(".approved", ".received", StringComparison.Ordinal)} and, if intended, approve it.");
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
