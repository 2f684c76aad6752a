namespace IntegrationHub.Contracts.Privacy;

/// <summary>An exception retold with personal ids masked: Hangfire keeps a failed job's exception text (type, message,
/// details with inner exceptions) and shows it in the dashboard, and loggers print it whole, so an id a counterparty
/// echoed in an error must not travel inside one. The stack trace is the original's.</summary>
public sealed class MaskedException : Exception
{
    private readonly string _text;
    private readonly string? _stackTrace;

    private MaskedException(Exception original)
        : base(PersonalDataMask.MaskText(original.Message))
    {
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        _text = PersonalDataMask.MaskText(original.ToString());
        _stackTrace = original.StackTrace;
    }

    /// <summary>The type of the exception this retells.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => _stackTrace;

    /// <returns>The exception itself when nothing in its text (inner exceptions included) looks like a personal id,
    /// else a masked retelling of it.</returns>
    public static Exception Guard(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception.ToString();
        return PersonalDataMask.MaskText(text) == text ? exception : new MaskedException(exception);
    }

    public override string ToString() => _text;
}
