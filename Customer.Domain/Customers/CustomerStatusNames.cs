using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>The upper-case names statuses carry on the wire and in storage.</summary>
public static class CustomerStatusNames
{
    public const string Active = "ACTIVE";
    public const string Inactive = "INACTIVE";

    public static string ToName(this CustomerStatus status) => status switch
    {
        CustomerStatus.Active => Active,
        CustomerStatus.Inactive => Inactive,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown customer status."),
    };

    public static CustomerStatus Parse(string name) =>
        TryParse(name, out var status)
            ? status
            : throw new DomainRuleViolationException("status", $"status must be {Active} or {Inactive}");

    public static bool TryParse(string? name, out CustomerStatus status)
    {
        switch (name)
        {
            case Active:
                status = CustomerStatus.Active;
                return true;
            case Inactive:
                status = CustomerStatus.Inactive;
                return true;
            default:
                status = default;
                return false;
        }
    }
}
