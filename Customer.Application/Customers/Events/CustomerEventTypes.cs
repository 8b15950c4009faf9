namespace CustomerService.Application.Customers.Events;

/// <summary>The CloudEvents <c>type</c> of each change other services learn of; also its routing key on the broker.</summary>
public static class CustomerEventTypes
{
    public const string Created = "customer.created";
    public const string Updated = "customer.updated";
    public const string Removed = "customer.removed";
}
