namespace IntegrationHub.Contracts;

/// <summary>Names the <see cref="IHubModule"/> a connector assembly contributes. The host finds every assembly that
/// carries it and calls the module, so adding a connector needs no edit to the host.</summary>
/// <example><c>[assembly: HubModule(typeof(PostalModule))]</c></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class HubModuleAttribute(Type moduleType) : Attribute
{
    /// <summary>A public class with a parameterless constructor implementing <see cref="IHubModule"/>.</summary>
    public Type ModuleType { get; } = moduleType;
}
