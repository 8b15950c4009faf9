using System.Globalization;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

// Binds a queue of its own to the exchange, and for every event received notes how long after its
// CloudEvents "time" (the save) it arrived, until stopped; then prints the percentiles.
var uri = new Uri(args.Length > 0 ? args[0] : "amqp://guest:guest@127.0.0.1:5672/");
var exchange = args.Length > 1 ? args[1] : "customer.events";
var latencies = new List<double>();
var ids = new HashSet<string>(StringComparer.Ordinal);
var duplicates = 0;

await using var connection = await new ConnectionFactory { Uri = uri }.CreateConnectionAsync();
await using var channel = await connection.CreateChannelAsync();
await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true);
var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
await channel.QueueBindAsync(queue, exchange, "#");

var consumer = new AsyncEventingBasicConsumer(channel);
consumer.ReceivedAsync += (_, delivery) =>
{
    var received = DateTimeOffset.UtcNow;
    using var cloudEvent = JsonDocument.Parse(delivery.Body);
    var time = DateTimeOffset.Parse(cloudEvent.RootElement.GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
    lock (latencies)
    {
        if (ids.Add(cloudEvent.RootElement.GetProperty("id").GetString()!))
        {
            latencies.Add((received - time).TotalMilliseconds);
        }
        else
        {
            duplicates++;
        }
    }

    return Task.CompletedTask;
};
await channel.BasicConsumeAsync(queue, autoAck: true, consumer);

Console.Error.WriteLine($"consuming from {exchange}; stop with Ctrl+C or SIGTERM");
var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stopped.TrySetResult(); });
await stopped.Task;

double[] sorted;
lock (latencies)
{
    sorted = [.. latencies.Order()];
}

double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"events {sorted.Length}, duplicates {duplicates}; save-to-delivery ms: p50 {At(0.50):F1}, p90 {At(0.90):F1}, p99 {At(0.99):F1}, max {At(1.0):F1}"));
