using CustomerService.Application.Common.Diagnostics;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using Mediator;

namespace CustomerService.Application.Customers.RemoveCustomer;

/// <summary>customer.remove: deletes a customer with its addresses; its email becomes free again.</summary>
public sealed record RemoveCustomerCommand : ICommand<Result<RemovedCustomer>>, ICustomerMessage
{
    public string Id { get; init; } = string.Empty;

    // Explicit: not a second JSON field, not part of the record's generated ToString.
    string ICustomerMessage.CustomerId => Id;

    /// <summary>Remove only if the customer is still at this version; otherwise <c>version_conflict</c>.</summary>
    public int? Version { get; init; }
}

/// <summary>What was removed; the envelope answers only <c>{"ok": true}</c>.</summary>
public sealed record RemovedCustomer(string Id);

public sealed class RemoveCustomerCommandHandler(ICustomerRepository customers, IUnitOfWork unitOfWork)
    : ICommandHandler<RemoveCustomerCommand, Result<RemovedCustomer>>
{
    public async ValueTask<Result<RemovedCustomer>> Handle(RemoveCustomerCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var loaded = await customers.LoadForChangeAsync(command.Id, command.Version, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var customer = loaded.Value;
        customer.MarkRemoved();
        customers.Remove(customer);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new RemovedCustomer(customer.Id);
    }
}
