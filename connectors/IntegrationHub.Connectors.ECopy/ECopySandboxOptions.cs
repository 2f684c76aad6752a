using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.ECopy;

/// <summary>Options of the e-copy sandbox, bound from <c>Sandboxes:e-copy</c>.</summary>
public sealed class ECopySandboxOptions : SandboxOptions
{
    /// <summary>The key callers must send as X-Api-Key; calls without it get 401.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Certificates issued before the sandbox starts.</summary>
    [Range(0, 10_000, ErrorMessage = "InitialCount must be between 0 and 10000.")]
    public int InitialCount { get; set; }

    /// <summary>How often an officer certifies a copy (development runs); zero: only on request.</summary>
    public TimeSpan CertifyEvery { get; set; }

    /// <summary>Size of a made-up copy's file, in bytes.</summary>
    [Range(1, 50 * 1024 * 1024, ErrorMessage = "FileSize must be between 1 and 52428800.")]
    public int FileSize { get; set; } = 64 * 1024;

    /// <summary>Makes the citizens, officers and files the same on every run.</summary>
    public int Seed { get; set; } = 20261211;
}
