namespace IntegrationHub.Host.Execution;

/// <summary>A job failure that retrying cannot fix (config, permanent rejection of a read): Hangfire does not retry it.</summary>
public sealed class NonRetryableJobException(string message, Exception? innerException = null) : Exception(message, innerException);
