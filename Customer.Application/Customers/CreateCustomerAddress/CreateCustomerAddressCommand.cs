using CustomerService.Application.Common.Diagnostics;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers.Common;
using Mediator;

namespace CustomerService.Application.Customers.CreateCustomerAddress;

/// <summary>
/// customer.address.create: adds one <see cref="Address"/> or several <see cref="Addresses"/>
/// (the original documentation named a list) and answers with the whole customer.
/// </summary>
public sealed record CreateCustomerAddressCommand : ICommand<Result<CustomerDto>>, ICustomerMessage
{
    public string CustomerId { get; init; } = string.Empty;

    public AddressInput? Address { get; init; }

    public IReadOnlyList<AddressInput>? Addresses { get; init; }

    /// <summary>Apply only if the customer is still at this version; otherwise <c>version_conflict</c>.</summary>
    public int? Version { get; init; }
}

public sealed class CreateCustomerAddressCommandHandler(ICustomerRepository customers, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreateCustomerAddressCommand, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(CreateCustomerAddressCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var loaded = await customers.LoadForChangeAsync(command.CustomerId, command.Version, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var customer = loaded.Value;

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var address in command.Address is null ? command.Addresses ?? [] : [command.Address])
        {
            customer.AddAddress(address.ToDetails(), now);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return customer.ToDto();
    }
}
