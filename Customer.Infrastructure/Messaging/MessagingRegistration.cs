using CustomerService.Application.Customers;
using CustomerService.Infrastructure.Messaging.CloudEvents;
using CustomerService.Infrastructure.Messaging.Feed;
using CustomerService.Infrastructure.Messaging.Outbox;
using CustomerService.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.Infrastructure.Messaging;

internal static class MessagingRegistration
{
    /// <summary>The outbox every save writes to, the change feed that reads it, and its pruning.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider)
    {
        var options = ReadOptions(configuration);
        services.AddSingleton(options);
        services.AddSingleton<CustomerCloudEvents>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(container => new OutboxWritingInterceptor(
            container.GetRequiredService<CustomerCloudEvents>(),
            Clock(container),
            container.GetRequiredService<OutboxSignal>()));

        services.AddSingleton<IOutboxFeedSql>(provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerOutboxFeedSql(),
            DatabaseProvider.PostgreSql => new PostgreSqlOutboxFeedSql(),
            _ => new SqliteOutboxFeedSql(),
        });
        services.AddScoped<ICustomerChangeFeed, CustomerChangeFeed>();

        var brokerConfigured = RabbitMq.RabbitMqRelayOptions.Read(configuration) is not null;
        services.AddSingleton(container => new OutboxPruner(
            container.GetRequiredService<IServiceScopeFactory>(),
            options,
            Clock(container),
            container.GetRequiredService<ILogger<OutboxPruner>>()) { KeepUnpublished = brokerConfigured });
        services.AddSingleton<IHostedService>(container => container.GetRequiredService<OutboxPruner>());
        return services;
    }

    // The application's clock when it registered one (the service does); the system's otherwise.
    private static TimeProvider Clock(IServiceProvider container) => container.GetService<TimeProvider>() ?? TimeProvider.System;

    private static MessagingOptions ReadOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(MessagingOptions.SectionName);
        var source = section["Source"];
        if (source is not null && (string.IsNullOrWhiteSpace(source) || !Uri.TryCreate(source, UriKind.RelativeOrAbsolute, out _)))
        {
            throw new InvalidOperationException($"Messaging:Source is '{source}': it must be a URI reference such as {MessagingOptions.DefaultSource}.");
        }

        var retentionDays = section.GetValue("Feed:RetentionDays", MessagingOptions.DefaultRetentionDays);
        if (retentionDays < 1)
        {
            throw new InvalidOperationException($"Messaging:Feed:RetentionDays is {retentionDays}: it must be at least 1.");
        }

        var pruneMinutes = section.GetValue("Feed:PruneIntervalMinutes", 60);
        if (pruneMinutes < 1)
        {
            throw new InvalidOperationException($"Messaging:Feed:PruneIntervalMinutes is {pruneMinutes}: it must be at least 1.");
        }

        return new MessagingOptions { Source = source ?? MessagingOptions.DefaultSource, RetentionDays = retentionDays, PruneIntervalMinutes = pruneMinutes };
    }
}
