using CustomerService.Application.Customers.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.ListCustomerChanges;

public sealed class ListCustomerChangesQueryValidator : AbstractValidator<ListCustomerChangesQuery>
{
    /// <summary>No cursor the feed gives out is longer; whether a shorter one is the feed's own, the feed decides.</summary>
    public const int MaxCursorLength = 64;

    public ListCustomerChangesQueryValidator()
    {
        RuleFor(q => q.Limit).MustBeBetween("limit", 1, ListCustomerChangesQuery.MaxLimit);
        RuleFor(q => q.After).MustBeCursor("after", MaxCursorLength);
    }
}
