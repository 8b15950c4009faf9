using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Tests.Support.Events;

/// <summary>
/// Writers that each go round creating a customer, updating it a few times and (every other round)
/// removing it, through whichever client <c>clientFor</c> names at each call, so that a restarted
/// instance's new client is picked up. A call that finds no service (killed, restarting) is counted and
/// the writer goes on; every answer is kept for the tests that require them all to be 200.
/// </summary>
public sealed class WriteLoad(Func<int, ApiClient> clientFor, int writers, int updatesPerCustomer = 3)
{
    private readonly ConcurrentDictionary<string, byte> _created = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ApiResponse> _answers = new();
    private int _unreachable;

    /// <summary>The customers whose create was answered 200.</summary>
    public IReadOnlyCollection<string> CreatedIds => [.. _created.Keys];

    public IReadOnlyCollection<ApiResponse> Answers => [.. _answers];

    public int Acknowledged => _answers.Count(a => a.Status == HttpStatusCode.OK);

    /// <summary>Calls that got no answer: the connection was refused or cut.</summary>
    public int Unreachable => Volatile.Read(ref _unreachable);

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(() => WriteAsync(writer, stop), CancellationToken.None)));

    private async Task WriteAsync(int writer, CancellationToken stop)
    {
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var created = await CallAsync(writer, "customer.create", CustomerRequests.Create(CustomerRequests.UniqueEmail($"load-w{writer}")));
            if (created?.Status != HttpStatusCode.OK)
            {
                continue;
            }

            var id = created.Customer["id"]!.GetValue<string>();
            _created[id] = 0;
            for (var update = 1; update <= updatesPerCustomer && !stop.IsCancellationRequested; update++)
            {
                await CallAsync(writer, "customer.update", new JsonObject { ["id"] = id, ["firstName"] = $"w{writer}r{round}u{update}" });
            }

            if (round % 2 == 1 && !stop.IsCancellationRequested)
            {
                await CallAsync(writer, "customer.remove", new JsonObject { ["id"] = id });
            }
        }
    }

    private async Task<ApiResponse?> CallAsync(int writer, string method, JsonObject body)
    {
        try
        {
            var answer = await clientFor(writer).PostAsync(method, body);
            _answers.Enqueue(answer);
            return answer;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The instance is gone (killed, not yet restarted): a moment's pause instead of a busy loop.
            Interlocked.Increment(ref _unreachable);
            await Task.Delay(50);
            return null;
        }
    }
}
