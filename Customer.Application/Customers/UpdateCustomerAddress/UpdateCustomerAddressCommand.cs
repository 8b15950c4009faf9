using CustomerService.Application.Common.Diagnostics;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers.Common;
using Mediator;

namespace CustomerService.Application.Customers.UpdateCustomerAddress;

/// <summary>
/// customer.address.update: changes some fields of one address (absent or null = unchanged; an
/// optional field is cleared with ""; a required one cannot be blanked) and answers with the whole customer.
/// </summary>
public sealed record UpdateCustomerAddressCommand : ICommand<Result<CustomerDto>>, ICustomerMessage
{
    public string CustomerId { get; init; } = string.Empty;

    public AddressChangeInput? Address { get; init; }

    /// <summary>Apply only if the customer is still at this version; otherwise <c>version_conflict</c>.</summary>
    public int? Version { get; init; }
}

public sealed class UpdateCustomerAddressCommandHandler(ICustomerRepository customers, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<UpdateCustomerAddressCommand, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(UpdateCustomerAddressCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var change = command.Address ?? throw new ArgumentException("The validator requires an address.", nameof(command));
        var loaded = await customers.LoadForChangeAsync(command.CustomerId, command.Version, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var customer = loaded.Value;

        if (customer.FindAddress(change.Id) is null)
        {
            return CustomerErrors.AddressNotFound(command.CustomerId, change.Id);
        }

        if (customer.UpdateAddress(change.Id, change.ToPatch(), clock.GetUtcNow().UtcDateTime))
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return customer.ToDto();
    }
}
