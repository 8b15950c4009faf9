using CustomerService.Application.Customers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Support;

public static class FaultInjection
{
    /// <summary>The same service and database, except that every repository call throws.</summary>
    public static WebApplicationFactory<Program> WithFailingRepository(this CustomerApiFactory factory, Func<Exception> failure)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<ICustomerRepository>(_ => new ThrowingCustomerRepository(failure))));
    }
}
