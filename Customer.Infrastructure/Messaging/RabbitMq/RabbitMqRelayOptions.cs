using System.Globalization;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;

namespace CustomerService.Infrastructure.Messaging.RabbitMq;

/// <summary>The <c>Messaging:RabbitMq</c> settings of the outbox relay; the relay runs only when <see cref="Uri"/> is set.</summary>
internal sealed record RabbitMqRelayOptions
{
    public const string SectionName = "Messaging:RabbitMq";
    public const string DefaultExchange = "customer.events";

    /// <summary><c>Messaging:RabbitMq:Uri</c>: amqp://user:password@host:port/vhost. Never logged whole.</summary>
    public required Uri Uri { get; init; }

    /// <summary><c>Messaging:RabbitMq:Exchange</c>: the durable topic exchange the service declares and publishes to.</summary>
    public string Exchange { get; init; } = DefaultExchange;

    /// <summary><c>Messaging:RabbitMq:LeaseSeconds</c>: how long the relay lease lasts unrenewed; a dead holder is replaced after it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>Messaging:RabbitMq:DegradedAfterSeconds</c>: readiness is Degraded when the oldest unsent event is older.</summary>
    public TimeSpan DegradedAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>Messaging:RabbitMq:BatchSize</c>: pending messages read per round.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary><c>Messaging:RabbitMq:PublishConcurrency</c>: customers published at once (one customer's events are never concurrent).</summary>
    public int PublishConcurrency { get; init; } = 32;

    /// <summary><c>Messaging:RabbitMq:PollMilliseconds</c>: how long an idle relay waits for another instance's writes.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Messaging:RabbitMq:ConfirmTimeoutSeconds</c>: a publish not confirmed by then counts as failed (not sent).</summary>
    public TimeSpan ConfirmTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>Messaging:RabbitMq:RetryInitialMilliseconds</c>: the first wait after a failed round; it doubles up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryInitial { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>Messaging:RabbitMq:RetryMaxSeconds</c>: the cap of the backoff while the broker or the database is away.</summary>
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Messaging:RabbitMq:RecoveryIntervalSeconds</c>: how often the client tries to reconnect a lost connection.</summary>
    public TimeSpan RecoveryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The broker as logs may name it: host, port and virtual host, never the credentials.</summary>
    public string BrokerForLogs
    {
        get
        {
            var factory = new ConnectionFactory { Uri = Uri };
            return string.Create(CultureInfo.InvariantCulture, $"{factory.HostName}:{factory.Port} vhost '{factory.VirtualHost}'");
        }
    }

    /// <summary>The settings, or null when no broker is configured; a wrong value refuses start-up naming the setting.</summary>
    public static RabbitMqRelayOptions? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var uriText = section["Uri"];
        if (string.IsNullOrWhiteSpace(uriText))
        {
            return null;
        }

        return new RabbitMqRelayOptions
        {
            Uri = ParseUri(uriText),
            Exchange = string.IsNullOrWhiteSpace(section["Exchange"]) ? DefaultExchange : section["Exchange"]!,
            Lease = TimeSpan.FromSeconds(Positive(section, "LeaseSeconds", 10)),
            DegradedAfter = TimeSpan.FromSeconds(Positive(section, "DegradedAfterSeconds", 60)),
            BatchSize = Positive(section, "BatchSize", 200),
            PublishConcurrency = Positive(section, "PublishConcurrency", 32),
            PollInterval = TimeSpan.FromMilliseconds(Positive(section, "PollMilliseconds", 1000)),
            ConfirmTimeout = TimeSpan.FromSeconds(Positive(section, "ConfirmTimeoutSeconds", 10)),
            RetryInitial = TimeSpan.FromMilliseconds(Positive(section, "RetryInitialMilliseconds", 500)),
            RetryMax = TimeSpan.FromSeconds(Positive(section, "RetryMaxSeconds", 30)),
            RecoveryInterval = TimeSpan.FromSeconds(Positive(section, "RecoveryIntervalSeconds", 2)),
        };
    }

    // The message names the setting and never repeats the value: it may carry a password.
    private static Uri ParseUri(string text)
    {
        if (!System.Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps") || string.IsNullOrEmpty(uri.Host))
        {
            throw new InvalidOperationException($"{SectionName}:Uri is not a valid amqp:// or amqps:// URI (amqp://user:password@host:port/vhost).");
        }

        try
        {
            _ = new ConnectionFactory { Uri = uri };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
        {
            throw new InvalidOperationException($"{SectionName}:Uri is not a valid amqp:// or amqps:// URI (amqp://user:password@host:port/vhost).");
        }

        return uri;
    }

    private static int Positive(IConfigurationSection section, string key, int defaultValue)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new InvalidOperationException($"{SectionName}:{key} is '{text}': it must be a whole number of at least 1.");
        }

        return value;
    }
}
