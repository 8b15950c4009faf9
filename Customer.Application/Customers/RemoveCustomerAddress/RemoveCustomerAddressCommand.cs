using CustomerService.Application.Common.Diagnostics;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using Mediator;

namespace CustomerService.Application.Customers.RemoveCustomerAddress;

/// <summary>customer.address.remove: deletes one address and answers with the whole customer.</summary>
public sealed record RemoveCustomerAddressCommand : ICommand<Result<CustomerDto>>, ICustomerMessage
{
    public string CustomerId { get; init; } = string.Empty;

    public string AddressId { get; init; } = string.Empty;

    /// <summary>Apply only if the customer is still at this version; otherwise <c>version_conflict</c>.</summary>
    public int? Version { get; init; }
}

public sealed class RemoveCustomerAddressCommandHandler(ICustomerRepository customers, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RemoveCustomerAddressCommand, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(RemoveCustomerAddressCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var loaded = await customers.LoadForChangeAsync(command.CustomerId, command.Version, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var customer = loaded.Value;

        if (!customer.RemoveAddress(command.AddressId, clock.GetUtcNow().UtcDateTime))
        {
            return CustomerErrors.AddressNotFound(command.CustomerId, command.AddressId);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return customer.ToDto();
    }
}
