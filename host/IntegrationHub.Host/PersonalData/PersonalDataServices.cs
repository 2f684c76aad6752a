using IntegrationHub.Contracts.Privacy;

namespace IntegrationHub.Host.PersonalData;

/// <summary>Registers encryption of personal data at rest: the keyring (read, or generated in Development and Testing,
/// when first asked for), the cipher behind <see cref="IPersonalDataCipher"/>, the rewrite of stored rows, the job
/// encrypting the lookups stored in clear before the upgrade and the rotation's job.</summary>
public static class PersonalDataServices
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(_ => PersonalDataKeyring.Load(Options(configuration), environment.ContentRootPath, PersonalDataKeyring.MayGenerate(environment)));
        services.AddSingleton(sp => new PersonalDataCipher(sp.GetRequiredService<PersonalDataKeyring>));
        services.AddSingleton<IPersonalDataCipher>(sp => sp.GetRequiredService<PersonalDataCipher>());
        services.AddSingleton(_ => Options(configuration));
        services.AddSingleton<StoredPayloadRewriter>();
        services.AddSingleton<PersonalDataRewriter>();
        services.AddSingleton<PersonalDataReencryptQueue>();
        services.AddTransient<PersonalDataReencryptJob>();
        services.AddSingleton<PersonalDataPayloads>();
        services.AddSingleton<IPersonalDataPayloads>(sp => sp.GetRequiredService<PersonalDataPayloads>());
        services.AddHostedService<PersonalDataClearRowsJob>();
        return services;
    }

    /// <summary>The start-up problems of <c>Hub:PersonalData</c> (Production without keys among them).</summary>
    public static IEnumerable<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = Options(configuration);
        var problems = new List<string>(PersonalDataKeyring.Problems(options, environment.ContentRootPath, PersonalDataKeyring.MayGenerate(environment)));
        if (options.RewriteBatchSize is < 1 or > 10_000)
        {
            problems.Add($"Hub:PersonalData:RewriteBatchSize {options.RewriteBatchSize} must be 1 to 10000.");
        }

        return problems;
    }

    private static PersonalDataOptions Options(IConfiguration configuration) =>
        configuration.GetSection(PersonalDataOptions.Section).Get<PersonalDataOptions>() ?? new PersonalDataOptions();
}
