using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Checks the <c>Payments</c> section at start (listed with the hub's other configuration problems). The two
/// schedules are checked by the hub as the recurring tasks <c>payments:query</c> and <c>payments:reconcile</c>.</summary>
public sealed class PaymentsOptionsValidation : IValidateOptions<PaymentsOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentsOptions options)
    {
        var problems = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            problems.Add($"Payments:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        if (options.QueryMinAge < TimeSpan.Zero || options.QueryMaxAge <= options.QueryMinAge)
        {
            problems.Add("Payments: QueryMaxAge must be longer than QueryMinAge (and QueryMinAge not negative).");
        }

        if (options.QueryBatchSize < 1 || options.CallbackMaxBodyBytes < 1024)
        {
            problems.Add("Payments: QueryBatchSize must be positive and CallbackMaxBodyBytes at least 1024.");
        }

        if (options.MaxAmount < 1)
        {
            problems.Add("Payments:MaxAmount must be a positive number of VND.");
        }

        if (string.IsNullOrWhiteSpace(options.ReferencePrefix) || options.ReferencePrefix.Length > 10 || !options.ReferencePrefix.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add("Payments:ReferencePrefix must be 1 to 10 letters or digits.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
