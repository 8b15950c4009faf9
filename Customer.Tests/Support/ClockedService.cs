using CustomerService.Application.Common.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Support;

/// <summary>
/// The service of a <see cref="CustomerApiFactory"/> on a clock the test moves, with a fast hasher that
/// counts its calls: for the sign-in throttle and the reset tokens, whose rules are about time and cost.
/// </summary>
public sealed class ClockedService : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _service;

    public ClockedService(CustomerApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Factory = factory;
        _service = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IPasswordHasher>(Hasher)));
        Client = new ApiClient(_service.CreateClient(), factory.Tokens.Valid());
    }

    public CustomerApiFactory Factory { get; }

    public FixedTimeProvider Clock { get; } = new(Start);

    public CountingPasswordHasher Hasher { get; } = new();

    public ApiClient Client { get; }

    public void Advance(TimeSpan by) => Clock.Now += by;

    public void Dispose()
    {
        Client.Dispose();
        _service.Dispose();
    }
}
