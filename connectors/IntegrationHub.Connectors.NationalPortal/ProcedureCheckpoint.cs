using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.NationalPortal;

/// <summary>Resume state of the procedures stream: the next page to read, as <c>{"nextPage":n}</c>.</summary>
internal sealed record ProcedureCheckpoint([property: JsonPropertyName("nextPage")] int NextPage)
{
    /// <summary>A complete pass: the next run reads the catalogue again from page 1.</summary>
    public static ProcedureCheckpoint Restart { get; } = new(1);

    public SourceCheckpoint ToSourceCheckpoint() => new(JsonSerializer.Serialize(this));

    public static ProcedureCheckpoint From(SourceCheckpoint? checkpoint, ConnectorIdentity connector)
    {
        if (checkpoint is null)
        {
            return Restart;
        }

        ProcedureCheckpoint? parsed = null;
        try
        {
            parsed = JsonSerializer.Deserialize<ProcedureCheckpoint>(checkpoint.State);
        }
        catch (JsonException)
        {
            // Reported below with the state itself.
        }

        if (parsed is null || parsed.NextPage < 1)
        {
            throw new ConnectorException(connector.BadCheckpoint(NationalPortalConnector.ProceduresStream, checkpoint.State, "{\"nextPage\":n} with n >= 1"));
        }

        return parsed;
    }
}
