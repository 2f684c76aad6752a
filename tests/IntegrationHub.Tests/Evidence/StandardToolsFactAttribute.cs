namespace IntegrationHub.Tests.Evidence;

/// <summary>A test that checks a bundle with bash, openssl and python3 only; skipped, saying which is missing,
/// on a machine without them.</summary>
public sealed class StandardToolsFactAttribute : FactAttribute
{
    public static readonly string[] Tools = ["/usr/bin/bash", "/usr/bin/openssl", "/usr/bin/python3"];

    public StandardToolsFactAttribute()
    {
        var missing = Tools.Where(t => !File.Exists(t)).ToList();
        if (missing.Count > 0)
        {
            Skip = $"Checking a bundle with standard tools needs {string.Join(", ", missing)} (apt-get install -y openssl python3)";
        }
    }
}
