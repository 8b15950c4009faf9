using System.Globalization;
using System.Net;
using CustomerService.Application.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SavedCopies;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CustomerService.Tests.Integration;

/// <summary>
/// Losing a unique-email race is the caller's outcome, not the service's fault: answered duplicate_key and
/// logged at Information, without EF Core's failed-command and failed-save events at Error.
/// </summary>
public sealed class LostUniqueRaceLogTests
{
    [Test]
    public async Task TheLoserIsDuplicateKeyAndNothingIsLoggedAsWarningOrError()
    {
        var sink = new CapturingLogSink();
        using var factory = new CustomerApiFactory(extraSettings: new Dictionary<string, string>
        {
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Information",
        });
        var service = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(sink);
            services.AddScoped<ICustomerRepository>(provider => new RaceLosingCustomerRepository(
                new CustomerRepository(provider.GetRequiredService<CustomerDbContext>(), provider.GetRequiredService<SavedCustomerCopies>())));
        }));
        using var client = new ApiClient(service.CreateClient(), factory.Tokens.Valid());
        var email = CustomerRequests.UniqueEmail("race-loser");
        await client.CreateCustomerAsync(CustomerRequests.Create(email));

        var loser = await client.PostAsync("customer.create", CustomerRequests.Create(email));

        EnvelopeAssert.IsError(loser, HttpStatusCode.Conflict, "duplicate_key");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Events.Where(e => e.Level >= LogEventLevel.Warning).Select(CapturingLogSink.Render), Is.Empty);
            Assert.That(sink.Events.Where(e => e.Level == LogEventLevel.Information && e.RenderMessage(CultureInfo.InvariantCulture).Contains("failed with \"duplicate_key\"", StringComparison.Ordinal)),
                Is.Not.Empty, "the outcome is logged once, at Information");
        }
    }
}
