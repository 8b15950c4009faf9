using CustomerService.Application.Common.Diagnostics;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Domain.Customers;
using Mediator;

namespace CustomerService.Application.Customers.UpdateCustomer;

/// <summary>
/// customer.update: changes some of a customer's fields. A field that is null (absent or JSON null)
/// keeps its value; <see cref="Tags"/> replaces the whole list, and an empty list clears it.
/// </summary>
public sealed record UpdateCustomerCommand : ICommand<Result<CustomerDto>>, ICustomerMessage
{
    public string Id { get; init; } = string.Empty;

    // Explicit: not a second JSON field, not part of the record's generated ToString.
    string ICustomerMessage.CustomerId => Id;

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Status { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Apply only if the customer is still at this version; otherwise <c>version_conflict</c>.</summary>
    public int? Version { get; init; }
}

public sealed class UpdateCustomerCommandHandler(
    ICustomerRepository customers,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
    : ICommandHandler<UpdateCustomerCommand, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(UpdateCustomerCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var loaded = await customers.LoadForChangeAsync(command.Id, command.Version, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var customer = loaded.Value;

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = false;
        if (command.Email is not null)
        {
            // No lookup first: the unique index decides at save time, and error translation turns its
            // refusal into duplicate_key. A query per email change would only repeat that answer.
            changed |= customer.ChangeEmail(EmailAddress.Create(command.Email), now);
        }

        changed |= customer.Rename(command.FirstName, command.LastName, now);
        if (command.Status is not null)
        {
            changed |= customer.SetStatus(CustomerStatusNames.Parse(command.Status), now);
        }

        if (command.Tags is not null)
        {
            changed |= customer.ReplaceTags(command.Tags, now);
        }

        if (changed)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return customer.ToDto();
    }
}
