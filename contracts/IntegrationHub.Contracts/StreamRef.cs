namespace IntegrationHub.Contracts;

/// <summary>A connector's stream, written <c>connector:stream</c> in config (e.g. <c>igate:procedures</c>).</summary>
public sealed record StreamRef(string ConnectorId, string Stream)
{
    public override string ToString() => $"{ConnectorId}:{Stream}";

    public static bool TryParse(string? text, out StreamRef? streamRef)
    {
        streamRef = null;
        var parts = text?.Split(':', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 } || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }

        streamRef = new StreamRef(parts[0], parts[1]);
        return true;
    }
}
