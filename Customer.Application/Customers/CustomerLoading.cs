using CustomerService.Application.Common.Results;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

internal static class CustomerLoading
{
    /// <summary>
    /// Loads a customer, as stored now, to change it. An unknown id is <c>customer_not_found</c>; a
    /// version the caller expected that is not the stored one is <c>version_conflict</c>.
    /// </summary>
    public static async Task<Result<Customer>> LoadForChangeAsync(
        this ICustomerRepository customers, string id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(id, cancellationToken);
        if (customer is null)
        {
            return CustomerErrors.NotFound(id);
        }

        return CustomerErrors.StaleVersion(customer, expectedVersion) is { } conflict ? conflict : customer;
    }
}
