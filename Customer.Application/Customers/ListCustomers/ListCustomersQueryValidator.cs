using CustomerService.Application.Customers.Common;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using FluentValidation;

namespace CustomerService.Application.Customers.ListCustomers;

public sealed class ListCustomersQueryValidator : AbstractValidator<ListCustomersQuery>
{
    /// <summary>More values than this in one filter is a query to split, not to run.</summary>
    public const int MaxFilterValues = 100;

    public ListCustomersQueryValidator()
    {
        RuleFor(q => q.Limit).MustBeBetween("limit", 1, ListCustomersQuery.MaxLimit);
        RuleFor(q => q.Skip).MustBeBetween("skip", 0, int.MaxValue);
        RuleFor(q => q.Id).MustBeFilter("id", MaxFilterValues, value => TextRules.CheckRequired(value, EntityId.MaxLength));
        RuleFor(q => q.Email).MustBeFilter("email", MaxFilterValues, value => TextRules.CheckRequired(value, EmailAddress.MaxLength));
        RuleFor(q => q.Status).MustBeFilter("status", MaxFilterValues, value =>
            CustomerStatusNames.TryParse(value, out _) ? null : $"must be {CustomerStatusNames.Active} or {CustomerStatusNames.Inactive}");
        RuleFor(q => q.Tags).MustBeFilter("tags", MaxFilterValues, CustomerRules.CheckTag);
    }
}
