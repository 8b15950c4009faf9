using System.Net;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Infrastructure;

// SQLite-only: the write gate serialises writers to one SQLite file; servers have no such gate.
/// <summary>
/// The in-process write gate: one writer at a time per database file, waiting without a thread, and
/// every save of the service passes through it.
/// </summary>
public sealed class SqliteWriteGateTests
{
    private static string NewFile() => Path.Combine(Path.GetTempPath(), $"gate-{Guid.NewGuid():N}.db");

    [Test]
    public async Task ASecondWriterToTheSameFileWaitsUntilTheFirstIsDone()
    {
        var file = NewFile();
        var gate = SqliteWriteGate.For($"Data Source={file}");

        var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.That(second.IsCompleted, Is.False, "the second writer is let in while the first writes");

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Test]
    public async Task OneFileHasOneGateHoweverItsPathIsWritten()
    {
        var file = NewFile();
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);

        using (await SqliteWriteGate.For($"Data Source={file};Pooling=False").EnterAsync(CancellationToken.None))
        {
            var other = SqliteWriteGate.For($"Data Source={relative}").EnterAsync(CancellationToken.None).AsTask();
            await Task.Delay(100);
            Assert.That(other.IsCompleted, Is.False);
        }
    }

    [Test]
    public async Task DifferentFilesDoNotWaitForEachOther()
    {
        using var first = await SqliteWriteGate.For($"Data Source={NewFile()}").EnterAsync(CancellationToken.None);
        var other = SqliteWriteGate.For($"Data Source={NewFile()}").EnterAsync(CancellationToken.None).AsTask();

        Assert.That(await other.WaitAsync(TimeSpan.FromSeconds(5)), Is.Not.Null);
        (await other).Dispose();
    }

    [Test]
    public async Task AWriterWaitsNoLongerThanTheBusyTimeout()
    {
        var gate = SqliteWriteGate.For($"Data Source={NewFile()};Default Timeout=1");
        using var held = await gate.EnterAsync(CancellationToken.None);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAsync<TimeoutException>(async () => await gate.EnterAsync(CancellationToken.None));
        Assert.That(waited.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(0.9)).And.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task TheServiceSavesThroughTheGate()
    {
        using var factory = new CustomerApiFactory(DatabaseKind.Sqlite);
        using var client = factory.CreateApiClient();
        var id = await client.CreateCustomerAsync();
        var gate = SqliteWriteGate.For(factory.ConnectionString);

        Task<ApiResponse> update;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            update = client.PostRawAsync("customer.update", $$"""{"id":"{{id}}","firstName":"Gated"}""");
            await Task.Delay(300);
            Assert.That(update.IsCompleted, Is.False, "the update saved while another writer held the turn");
        }

        var response = await update.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
    }
}
