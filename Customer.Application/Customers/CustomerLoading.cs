using CustomerService.Application.Common.Results;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

internal static class CustomerLoading
{
    /// <summary>
    /// Loads a customer to change it. An unknown id is <c>customer_not_found</c>; a version the caller
    /// expected that is no longer the stored one is <c>version_conflict</c>.
    /// </summary>
    public static async Task<Result<Customer>> LoadForChangeAsync(
        this ICustomerRepository customers, string id, int? expectedVersion, CancellationToken cancellationToken)
    {
        // A caller that names the version it expects gets the stored customer, not this process's copy
        // of its last saved state: the copy may be older than what the caller has seen, and a conflict
        // should report the stored version.
        var customer = expectedVersion is null
            ? await customers.GetAsync(id, cancellationToken)
            : await customers.GetFromDatabaseAsync(id, cancellationToken);
        if (customer is null)
        {
            return CustomerErrors.NotFound(id);
        }

        return CustomerErrors.StaleVersion(customer, expectedVersion) is { } conflict ? conflict : customer;
    }
}
