using CustomerService.Infrastructure.Messaging;
using CustomerService.Infrastructure.Messaging.CloudEvents;
using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Infrastructure.Persistence.SavedCopies;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.SaveSteps;

internal static class SaveStepsOptions
{
    private static readonly CustomerVersionInterceptor Versions = new();
    private static readonly CommittedEventsInterceptor Events = new();

    // For contexts built by hand (tests, tools): the default settings, and no relay to wake.
    private static readonly OutboxWritingInterceptor DefaultOutbox = new(new CustomerCloudEvents(new MessagingOptions()), TimeProvider.System, null);

    /// <summary>
    /// What every save of the Customer aggregate does besides writing, in this order: raise versions
    /// (of the changes the context scanned for once, just before), write the changes' events to the outbox,
    /// hand the committed events to the unit of work, then keep the saved copies when the service has
    /// them (contexts built by hand in tests and tools have none).
    /// </summary>
    public static DbContextOptionsBuilder AddCustomerSaveSteps(
        this DbContextOptionsBuilder options, OutboxWritingInterceptor? outbox = null, SavedCopiesUpkeepInterceptor? copies = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddInterceptors(Versions, outbox ?? DefaultOutbox, Events);
        return copies is null ? options : options.AddInterceptors(copies);
    }
}
