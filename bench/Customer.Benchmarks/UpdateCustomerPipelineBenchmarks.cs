using BenchmarkDotNet.Attributes;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Benchmarks.Composition;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerService.Benchmarks;

/// <summary>
/// Issue 5's budget: a rename sent through the mediator and every behaviour (log scope, span, error
/// translation, validation, unit of work with event publishing) against the same handler, with the
/// same in-memory fakes, called directly. The difference between the two is the pipeline's cost.
/// </summary>
/// <remarks>
/// Three pairs. Within one scope for the whole run, the pair the budget is about. Inside an outer
/// log scope per call, as ASP.NET Core's hosting opens one per request (its logger is enabled at
/// Warning): the command's scope is then a nested one, which Serilog makes cheaper than an
/// outermost one. With a DI scope per call, as each HTTP request has its own.
/// </remarks>
[MemoryDiagnoser]
public class UpdateCustomerPipelineBenchmarks : IDisposable
{
    private ServiceProvider _services = null!;
    private AsyncServiceScope _pipelineScope;
    private AsyncServiceScope _directScope;
    private ISender _sender = null!;
    private UpdateCustomerCommandHandler _handler = null!;
    private AlternatingRenames _renames = null!;
    private ILogger _hostingLogger = null!;

    [GlobalSetup]
    public void Setup()
    {
        var store = new InMemoryCustomerStore(SampleData.Customer(addressCount: 1));
        _services = BenchmarkServices.Build(store);
        _renames = new AlternatingRenames(store.Customer.Id);

        // One scope for the whole run: the cost of a send inside a request that already has its scope.
        _pipelineScope = _services.CreateAsyncScope();
        _sender = _pipelineScope.ServiceProvider.GetRequiredService<ISender>();

        _directScope = _services.CreateAsyncScope();
        _handler = _directScope.ServiceProvider.GetRequiredService<UpdateCustomerCommandHandler>();
        ((InMemoryUnitOfWork)_directScope.ServiceProvider.GetRequiredService<IUnitOfWork>()).KeepsCommittedEvents = false;

        _hostingLogger = _services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

        CheckThatEverySendRenames(store);
    }

    /// <summary>The handler alone: load, rename, save (no I/O), map to the DTO.</summary>
    [Benchmark(Baseline = true)]
    public ValueTask<Result<CustomerDto>> HandlerDirect() =>
        _handler.Handle(_renames.Next(), CancellationToken.None);

    /// <summary>The same rename through ISender, as the controller sends it, inside an existing scope.</summary>
    [Benchmark]
    public ValueTask<Result<CustomerDto>> MediatorSend() =>
        _sender.Send(_renames.Next(), CancellationToken.None);

    /// <summary>The handler directly, inside a request's log scope.</summary>
    [Benchmark]
    public async ValueTask<Result<CustomerDto>> HandlerDirectInRequestLogScope()
    {
        using var request = _hostingLogger.BeginScope(RequestLogScope.State);
        return await _handler.Handle(_renames.Next(), CancellationToken.None);
    }

    /// <summary>The send inside a request's log scope, as in the service.</summary>
    [Benchmark]
    public async ValueTask<Result<CustomerDto>> MediatorSendInRequestLogScope()
    {
        using var request = _hostingLogger.BeginScope(RequestLogScope.State);
        return await _sender.Send(_renames.Next(), CancellationToken.None);
    }

    /// <summary>The handler directly, resolved in a scope of its own per call.</summary>
    [Benchmark]
    public async ValueTask<Result<CustomerDto>> HandlerDirectScopePerCall()
    {
        await using var scope = _services.CreateAsyncScope();
        var unitOfWork = (InMemoryUnitOfWork)scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        unitOfWork.KeepsCommittedEvents = false;
        return await scope.ServiceProvider.GetRequiredService<UpdateCustomerCommandHandler>()
            .Handle(_renames.Next(), CancellationToken.None);
    }

    /// <summary>A send in a scope of its own, as each HTTP request gets one: scope, mediator, behaviours and handler are created anew.</summary>
    [Benchmark]
    public async ValueTask<Result<CustomerDto>> MediatorSendScopePerCall()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(_renames.Next(), CancellationToken.None);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _directScope.Dispose();
        _pipelineScope.Dispose();
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }

    // A benchmark that measured a failure, or a send that changed nothing, would measure the wrong thing.
    private void CheckThatEverySendRenames(InMemoryCustomerStore store)
    {
        var pipelineUnitOfWork = _pipelineScope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        for (var i = 0; i < 4; i++)
        {
            var before = store.Customer.FirstName;
            var result = i % 2 == 0
                ? MediatorSend().AsTask().GetAwaiter().GetResult()
                : HandlerDirect().AsTask().GetAwaiter().GetResult();
            if (!result.IsSuccess || result.Value.FirstName == before || store.Customer.FirstName != result.Value.FirstName)
            {
                throw new InvalidOperationException($"Send {i} did not rename the customer: {result}.");
            }

            if (store.Customer.DomainEvents.Count != 0 || pipelineUnitOfWork.TakeCommittedEvents().Count != 0)
            {
                throw new InvalidOperationException("The rename's event was not saved and taken for publishing.");
            }
        }
    }
}

/// <summary>Stands in for the properties ASP.NET Core's hosting puts in each request's log scope.</summary>
internal static class RequestLogScope
{
    public static readonly IReadOnlyList<KeyValuePair<string, object?>> State =
    [
        new("RequestId", "0HNBENCHMARK0:00000001"),
        new("RequestPath", "/services/customer.update"),
    ];
}
