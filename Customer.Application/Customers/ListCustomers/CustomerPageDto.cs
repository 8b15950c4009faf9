namespace CustomerService.Application.Customers.ListCustomers;

/// <summary>Where a page starts, how long it is, and how many customers match in all.</summary>
public sealed record PageDto(int Limit, int Skip, int Total);

/// <summary>The result of customer.list.</summary>
public sealed record CustomerPageDto(PageDto Page, IReadOnlyList<CustomerDto> Data);
