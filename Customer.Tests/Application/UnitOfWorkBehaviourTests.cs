using CustomerService.Application.Common.Behaviours;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.Events;
using CustomerService.Application.Customers.RemoveCustomer;
using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Domain.Customers;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class UnitOfWorkBehaviourTests
{
    private static readonly InvalidOperationException Conflict = new("concurrency conflict");
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private Mock<IPersistenceFailureClassifier> _classifier = null!;
    private Mock<IPublisher> _publisher = null!;

    [SetUp]
    public void CreateMocks()
    {
        _unitOfWork = new Mock<IUnitOfWork>();
        _unitOfWork
            .Setup(u => u.ExecuteAsync(It.IsAny<Func<CancellationToken, Task<Result<CustomerDto>>>>(), It.IsAny<CancellationToken>()))
            .Returns(new InvocationFunc(RunTheUnit));
        _unitOfWork.Setup(u => u.TakeCommittedEvents()).Returns([]);
        _publisher = new Mock<IPublisher>();
        _classifier = new Mock<IPersistenceFailureClassifier>();
        _classifier.Setup(c => c.Classify(Conflict)).Returns(new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict));
    }

    [Test]
    public async Task RerunsTheWholeHandlerAfterAConflictWithFreshState()
    {
        var calls = 0;
        var result = await Behaviour().Handle(new UpdateCustomerCommand { Id = "c1" }, (_, _) =>
        {
            calls++;
            return calls < 3 ? throw Conflict : ValueTask.FromResult(Result<CustomerDto>.Failure(new("done")));
        }, CancellationToken.None);

        Assert.That(calls, Is.EqualTo(3));
        Assert.That(result.Error!.Code, Is.EqualTo("done"));
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Exactly(2));
    }

    [Test]
    public void GivesUpAfterTheLastAttemptAndLetsTheConflictThrough()
    {
        var calls = 0;

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Behaviour().Handle(new UpdateCustomerCommand { Id = "c1" }, (_, _) =>
            {
                calls++;
                throw Conflict;
            }, CancellationToken.None));

        Assert.That(thrown, Is.SameAs(Conflict));
        Assert.That(calls, Is.EqualTo(UnitOfWorkBehaviour<UpdateCustomerCommand, Result<CustomerDto>>.MaxAttempts));
    }

    [Test]
    public async Task RerunsAlsoWhenTheCallerNamedAVersionSoThatTheHandlerJudgesItAgainstTheStoredState()
    {
        var calls = 0;

        var result = await Behaviour().Handle(new UpdateCustomerCommand { Id = "c1", Version = 3 }, (_, _) =>
        {
            calls++;
            return calls == 1 ? throw Conflict : ValueTask.FromResult(Result<CustomerDto>.Failure(new("version_conflict")));
        }, CancellationToken.None);

        Assert.That(calls, Is.EqualTo(2));
        Assert.That(result.Error!.Code, Is.EqualTo("version_conflict"));
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
    }

    [Test]
    public async Task RerunsEveryKindOfCommandAfterAConflict()
    {
        var calls = 0;
        var behaviour = new UnitOfWorkBehaviour<RemoveCustomerCommand, Result<RemovedCustomer>>(
            _unitOfWork.Object, _classifier.Object, _publisher.Object, NullLogger<UnitOfWorkBehaviour<RemoveCustomerCommand, Result<RemovedCustomer>>>.Instance);
        _unitOfWork
            .Setup(u => u.ExecuteAsync(It.IsAny<Func<CancellationToken, Task<Result<RemovedCustomer>>>>(), It.IsAny<CancellationToken>()))
            .Returns(new InvocationFunc(RunTheUnit));

        var result = await behaviour.Handle(new RemoveCustomerCommand { Id = "c1" }, (_, _) =>
        {
            calls++;
            return calls == 1 ? throw Conflict : ValueTask.FromResult(Result<RemovedCustomer>.Success(new RemovedCustomer("c1")));
        }, CancellationToken.None);

        Assert.That(calls, Is.EqualTo(2));
        Assert.That(result.IsSuccess, Is.True);
    }

    [Test]
    public void DoesNotRetryOtherFailures()
    {
        var calls = 0;
        var other = new InvalidOperationException("a bug");

        Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Behaviour().Handle(new UpdateCustomerCommand { Id = "c1" }, (_, _) =>
            {
                calls++;
                throw other;
            }, CancellationToken.None));

        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task RunsTheHandlerInsideTheExecutionStrategy()
    {
        await Behaviour().Handle(new UpdateCustomerCommand { Id = "c1" },
            (_, _) => ValueTask.FromResult(Result<CustomerDto>.Failure(new("done"))), CancellationToken.None);

        _unitOfWork.Verify(u => u.ExecuteAsync(It.IsAny<Func<CancellationToken, Task<Result<CustomerDto>>>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task PublishesTheCommittedEventsOnceTheCommandIsOverWithTheStoredVersion()
    {
        var steps = new List<string>();
        _unitOfWork.Setup(u => u.TakeCommittedEvents())
            .Returns(() => steps.Contains("handled") ? [new CommittedEvent(new CustomerUpdated("c1", ["firstName"], 4), 5)] : []);
        _publisher.Setup(p => p.Publish(It.IsAny<CustomerUpdatedNotification>(), It.IsAny<CancellationToken>()))
            .Callback((CustomerUpdatedNotification n, CancellationToken _) => steps.Add($"published {n.OldVersion}->{n.NewVersion}"))
            .Returns(ValueTask.CompletedTask);

        await Behaviour().Handle(new UpdateCustomerCommand { Id = "c1" }, (_, _) =>
        {
            steps.Add("handled");
            return ValueTask.FromResult(Result<CustomerDto>.Failure(new("done")));
        }, CancellationToken.None);

        Assert.That(steps, Is.EqualTo(new[] { "handled", "published 4->5" }));
        _publisher.Verify(p => p.Publish(
            It.Is<CustomerUpdatedNotification>(n => n.CustomerId == "c1" && n.ChangedFields.SequenceEqual(new[] { "firstName" })),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void AFailedCommandPublishesNothingAndDropsWhatItRecorded()
    {
        _unitOfWork.Setup(u => u.TakeCommittedEvents()).Returns([new CommittedEvent(new CustomerRemoved("c1"), 2)]);

        Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Behaviour().Handle(new UpdateCustomerCommand { Id = "c1" }, (_, _) => throw new InvalidOperationException("a bug"), CancellationToken.None));

        _unitOfWork.Verify(u => u.TakeCommittedEvents(), Times.Once);
        _publisher.Verify(p => p.Publish(It.IsAny<CustomerRemovedNotification>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private UnitOfWorkBehaviour<UpdateCustomerCommand, Result<CustomerDto>> Behaviour() =>
        new(_unitOfWork.Object, _classifier.Object, _publisher.Object, NullLogger<UnitOfWorkBehaviour<UpdateCustomerCommand, Result<CustomerDto>>>.Instance);

    // What the real unit of work does, minus the database: runs the unit once with its state. The
    // unit's exception comes out as itself, not wrapped by the reflection call.
    private static object RunTheUnit(IInvocation call)
    {
        try
        {
            return ((Delegate)call.Arguments[0]).DynamicInvoke(call.Arguments[1])!;
        }
        catch (System.Reflection.TargetInvocationException wrapped) when (wrapped.InnerException is { } thrown)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(thrown).Throw();
            throw;
        }
    }
}
