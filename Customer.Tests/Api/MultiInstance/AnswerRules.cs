using System.Net;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>What any single answer of the randomized run must satisfy, whoever asked and whatever came before.</summary>
public static class AnswerRules
{
    private static readonly Dictionary<string, string[]> ExpectedErrors = new(StringComparer.Ordinal)
    {
        ["customer.create"] = [],
        ["customer.info"] = ["customer_not_found"],
        ["customer.list"] = [],
        ["customer.update"] = ["customer_not_found", "version_conflict"],
        ["customer.remove"] = ["customer_not_found", "version_conflict"],
        ["customer.address.create"] = ["customer_not_found", "version_conflict"],
        ["customer.address.update"] = ["customer_not_found", "customer_address_not_found", "version_conflict"],
        ["customer.address.remove"] = ["customer_not_found", "customer_address_not_found", "version_conflict"],
        // Five refusals in a row for one email (an INACTIVE customer, an email changed meanwhile) throttle it.
        ["customer.checkCredentials"] = ["bad_credentials", "too_many_attempts"],
    };

    public static void Check(ObservedCall call, Violations violations)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(violations);
        if (call.Status is not { } status)
        {
            violations.Add("no answer", call);
        }
        else if ((int)status >= 500)
        {
            violations.Add("5xx answer", call);
        }
        else if (call.Error == "version_conflict")
        {
            CheckConflict(call, violations);
        }
        else if (!call.IsOk && !ExpectedErrors[call.Method].Contains(call.Error))
        {
            violations.Add("an error no valid request should get", call);
        }
        else if (call is { Customer: { } customer, SentVersion: { } sent } && TrackedCustomer.Version(customer) is var answered && answered != sent && answered != sent + 1)
        {
            violations.Add("a change sent with a version answered neither that version nor the next", call);
        }
    }

    private static void CheckConflict(ObservedCall call, Violations violations)
    {
        if (call.SentVersion is not { } sent)
        {
            violations.Add("version_conflict without a version", call);
            return;
        }

        // README: version_conflict data is {id}, "with expected and actual when the request named a version".
        var expected = call.Data?["expected"]?.GetValue<int>();
        var actual = call.Data?["actual"]?.GetValue<int>();
        if (expected is null || actual is null)
        {
            violations.Add("version_conflict for a request with a version lacks data.expected and data.actual", call);
        }
        else if (call.Status != HttpStatusCode.Conflict || expected != sent || actual == expected)
        {
            violations.Add("version_conflict whose data.expected is not the version sent, or equals data.actual", call);
        }
    }
}
