using CustomerService.Application.Common.Behaviours;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Domain.Common;
using CustomerService.Tests.Support;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class ErrorTranslationBehaviourTests
{
    private static readonly UpdateCustomerCommand Command = new() { Id = "AbCdEfGhIjKlMnOp", FirstName = "Ann" };

    private Mock<IPersistenceFailureClassifier> _classifier = null!;
    private ErrorTranslationBehaviour<UpdateCustomerCommand, Result<CustomerDto>> _behaviour = null!;

    [SetUp]
    public void SetUp()
    {
        _classifier = new Mock<IPersistenceFailureClassifier>();
        _behaviour = new ErrorTranslationBehaviour<UpdateCustomerCommand, Result<CustomerDto>>(
            _classifier.Object,
            NullLogger<ErrorTranslationBehaviour<UpdateCustomerCommand, Result<CustomerDto>>>.Instance);
    }

    private Task<Result<CustomerDto>> Run(Func<Result<CustomerDto>> handler) =>
        _behaviour.Handle(
            Command,
            new MessageHandlerDelegate<UpdateCustomerCommand, Result<CustomerDto>>((_, _) => ValueTask.FromResult(handler())),
            CancellationToken.None).AsTask();

    private Task<Result<CustomerDto>> RunThrowing(Exception exception) => Run(() => throw exception);

    private void Classify(Exception exception, PersistenceFailure? failure) =>
        _classifier.Setup(c => c.Classify(exception)).Returns(failure);

    [Test]
    public async Task PassesSuccessfulResultThroughUntouched()
    {
        var success = Result<CustomerDto>.Success(new CustomerBuilder().Build().ToDto());

        var result = await Run(() => success);

        Assert.That(result, Is.EqualTo(success));
        _classifier.Verify(c => c.Classify(It.IsAny<Exception>()), Times.Never);
    }

    [Test]
    public async Task PassesFailedResultThroughUntouched()
    {
        var failure = Result<CustomerDto>.Failure(CustomerErrors.NotFound("x"));

        var result = await Run(() => failure);

        Assert.That(result, Is.EqualTo(failure));
    }

    [Test]
    public async Task TranslatesDomainRuleViolationToValidationError()
    {
        var result = await RunThrowing(new DomainRuleViolationException("tags[3]", "tags[3] must not be empty"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("validation_error"));
            Assert.That(result.Error?.Data, Is.EqualTo((FieldError[])[new FieldError("tags[3]", "tags[3] must not be empty")]));
        }
    }

    [Test]
    public async Task TranslatesEmailRuleViolationToInvalidEmail()
    {
        var result = await RunThrowing(new DomainRuleViolationException("email", "email must contain exactly one '@'", "customer_invalid_email"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("customer_invalid_email"));
            Assert.That(result.Error?.Data, Is.EqualTo((FieldError[])[new FieldError("email", "email must contain exactly one '@'")]));
        }
    }

    [Test]
    public async Task TranslatesUniqueViolationToDuplicateKey()
    {
        var exception = new InvalidOperationException("unique index violated");
        Classify(exception, new PersistenceFailure(PersistenceFailureKind.UniqueViolation, "email", "john@example.com"));

        var result = await RunThrowing(exception);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("duplicate_key"));
            Assert.That(result.Error?.Data, Is.EqualTo(new DuplicateKeyErrorData("email", "john@example.com")));
        }
    }

    [Test]
    public async Task TranslatesAConflictThatOutlastedTheRetriesToServiceUnavailableNotVersionConflict()
    {
        var exception = new InvalidOperationException("row changed");
        Classify(exception, new PersistenceFailure(PersistenceFailureKind.ConcurrencyConflict));

        var result = await RunThrowing(exception);

        Assert.That(result.Error?.Code, Is.EqualTo("service_unavailable"));
    }

    [Test]
    public async Task TranslatesUnavailableDatabaseToServiceUnavailable()
    {
        var exception = new TimeoutException("database locked");
        Classify(exception, new PersistenceFailure(PersistenceFailureKind.Unavailable));

        var result = await RunThrowing(exception);

        Assert.That(result.Error?.Code, Is.EqualTo("service_unavailable"));
    }

    [Test]
    public void LetsUnrecognisedExceptionPropagate()
    {
        var exception = new InvalidOperationException("a bug");
        Classify(exception, null);

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(() => RunThrowing(exception));

        Assert.That(thrown, Is.SameAs(exception));
        _classifier.Verify(c => c.Classify(exception), Times.Once);
    }
}
