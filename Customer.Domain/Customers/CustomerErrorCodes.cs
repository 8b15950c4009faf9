namespace CustomerService.Domain.Customers;

/// <summary>Error codes that originate in the Customer aggregate's own rules.</summary>
public static class CustomerErrorCodes
{
    public const string InvalidEmail = "customer_invalid_email";
}
