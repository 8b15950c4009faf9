using BenchmarkDotNet.Attributes;
using CustomerService.Application.Common.Behaviours;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.Events;
using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Benchmarks.Composition;
using CustomerService.Domain.Customers;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Benchmarks;

/// <summary>
/// Where the pipeline's cost goes: each behaviour, as the container builds it for production, run
/// alone around a <c>next</c> that answers at once (so the unit of work has no event to publish);
/// and, apart, the publishing of one committed update that the unit of work does after a rename.
/// Baseline: calling that <c>next</c> directly.
/// </summary>
[MemoryDiagnoser]
public class BehaviourBenchmarks : IDisposable
{
    private ServiceProvider _services = null!;
    private AsyncServiceScope _scope;
    private UpdateCustomerCommand _command = null!;
    private MessageHandlerDelegate<UpdateCustomerCommand, Result<CustomerDto>> _next = null!;
    private IPipelineBehavior<UpdateCustomerCommand, Result<CustomerDto>> _loggingScope = null!;
    private IPipelineBehavior<UpdateCustomerCommand, Result<CustomerDto>> _tracing = null!;
    private IPipelineBehavior<UpdateCustomerCommand, Result<CustomerDto>> _errorTranslation = null!;
    private IPipelineBehavior<UpdateCustomerCommand, Result<CustomerDto>> _validation = null!;
    private IPipelineBehavior<UpdateCustomerCommand, Result<CustomerDto>> _unitOfWork = null!;
    private IPublisher _publisher = null!;
    private CommittedEvent _committedRename = null!;

    [GlobalSetup]
    public void Setup()
    {
        var store = new InMemoryCustomerStore(SampleData.Customer(addressCount: 1));
        _services = BenchmarkServices.Build(store);
        _scope = _services.CreateAsyncScope();
        _command = SampleData.Rename(store.Customer.Id, "First12", "Last34");

        var answer = Result<CustomerDto>.Success(store.Customer.ToDto());
        _next = (_, _) => new ValueTask<Result<CustomerDto>>(answer);

        var behaviours = _scope.ServiceProvider.GetServices<IPipelineBehavior<UpdateCustomerCommand, Result<CustomerDto>>>().ToList();
        _loggingScope = behaviours.OfType<LoggingScopeBehaviour<UpdateCustomerCommand, Result<CustomerDto>>>().Single();
        _tracing = behaviours.OfType<TracingBehaviour<UpdateCustomerCommand, Result<CustomerDto>>>().Single();
        _errorTranslation = behaviours.OfType<ErrorTranslationBehaviour<UpdateCustomerCommand, Result<CustomerDto>>>().Single();
        _validation = behaviours.OfType<ValidationBehaviour<UpdateCustomerCommand, Result<CustomerDto>>>().Single();
        _unitOfWork = behaviours.OfType<UnitOfWorkBehaviour<UpdateCustomerCommand, Result<CustomerDto>>>().Single();

        _publisher = _scope.ServiceProvider.GetRequiredService<IPublisher>();
        _committedRename = new CommittedEvent(
            new CustomerUpdated(store.Customer.Id, [CustomerFieldNames.FirstName, CustomerFieldNames.LastName], store.Customer.Version),
            store.Customer.Version + 1);
    }

    [Benchmark(Baseline = true)]
    public ValueTask<Result<CustomerDto>> NextOnly() => _next(_command, CancellationToken.None);

    [Benchmark]
    public ValueTask<Result<CustomerDto>> LoggingScope() => _loggingScope.Handle(_command, _next, CancellationToken.None);

    [Benchmark]
    public ValueTask<Result<CustomerDto>> Tracing() => _tracing.Handle(_command, _next, CancellationToken.None);

    [Benchmark]
    public ValueTask<Result<CustomerDto>> ErrorTranslation() => _errorTranslation.Handle(_command, _next, CancellationToken.None);

    [Benchmark]
    public ValueTask<Result<CustomerDto>> Validation() => _validation.Handle(_command, _next, CancellationToken.None);

    [Benchmark]
    public ValueTask<Result<CustomerDto>> UnitOfWork() => _unitOfWork.Handle(_command, _next, CancellationToken.None);

    /// <summary>What the unit of work does per committed event: the notification, through the mediator's publisher, to the log handler.</summary>
    [Benchmark]
    public ValueTask PublishCommittedRename() => CustomerEventPublishing.PublishAsync(_publisher, _committedRename, CancellationToken.None);

    [GlobalCleanup]
    public void Dispose()
    {
        _scope.Dispose();
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }
}
