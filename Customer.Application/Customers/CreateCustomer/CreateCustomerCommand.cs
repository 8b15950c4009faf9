using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Common.Security;
using CustomerService.Application.Customers.Common;
using CustomerService.Domain.Customers;
using Mediator;

namespace CustomerService.Application.Customers.CreateCustomer;

/// <summary>customer.create: registers a customer; <see cref="Password"/> is hashed and never returned.</summary>
public sealed record CreateCustomerCommand : ICommand<Result<CustomerDto>>
{
    public string? Email { get; init; }

    public string? Password { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>ACTIVE when not given.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<AddressInput>? Addresses { get; init; }

    // The password must never reach a log through the record's generated ToString.
    public override string ToString() => $"{nameof(CreateCustomerCommand)} {{ }}";
}

public sealed class CreateCustomerCommandHandler(
    ICustomerRepository customers,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwordHasher,
    TimeProvider clock)
    : ICommandHandler<CreateCustomerCommand, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(CreateCustomerCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var email = EmailAddress.Create(command.Email ?? string.Empty);

        // A friendly answer for the common case; the unique index still decides races at save time.
        if (await customers.IsEmailTakenAsync(email.Normalized, cancellationToken))
        {
            return CustomerErrors.DuplicateEmail(email.Value);
        }

        var customer = Customer.Register(
            email,
            await passwordHasher.HashAsync(command.Password ?? string.Empty, cancellationToken),
            command.FirstName ?? string.Empty,
            command.LastName ?? string.Empty,
            command.Status is null ? CustomerStatus.Active : CustomerStatusNames.Parse(command.Status),
            command.Tags ?? [],
            (command.Addresses ?? []).Select(a => a.ToDetails()),
            clock.GetUtcNow().UtcDateTime);

        customers.Add(customer);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return customer.ToDto();
    }
}
