using CustomerService.Application.Customers.Events;
using CustomerService.Application.Customers.UpdateCustomer;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Extending;

/// <summary>
/// How an extender wires the examples into the service: plain DI registrations, made after the
/// service's own (in a host: after AddCustomerMediator; in tests: in ConfigureTestServices). The
/// mediator's generated code resolves validators, behaviours and notification handlers from DI, so
/// types from an assembly it did not scan at compile time are found this way.
/// </summary>
public static class ExtensionRegistration
{
    public static IServiceCollection AddBlockedEmailDomainRule(this IServiceCollection services) =>
        services.AddSingleton<IValidator<UpdateCustomerCommand>, BlockedEmailDomainValidator>();

    /// <summary>Open generic: one registration covers every command (the constraint skips queries).</summary>
    public static IServiceCollection AddAuditBehaviour(this IServiceCollection services) =>
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuditBehaviour<,>));

    /// <summary>The recorder as a singleton, so a test can read what it received.</summary>
    public static IServiceCollection AddCustomerUpdatedRecorder(this IServiceCollection services, CustomerUpdatedRecorder recorder) =>
        services.AddSingleton<INotificationHandler<CustomerUpdatedNotification>>(recorder);
}
