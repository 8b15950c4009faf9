using CustomerService.Application.Common.Behaviours;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Tests.Support;
using FluentValidation;
using Mediator;

namespace CustomerService.Tests.Application;

public sealed class ValidationBehaviourTests
{
    private const string Id = "AbCdEfGhIjKlMnOp";

    private readonly CustomerDto _handlerAnswer = new CustomerBuilder().Build().ToDto();
    private int _handlerCalls;

    private ValueTask<Result<CustomerDto>> Next(UpdateCustomerCommand message, CancellationToken cancellationToken)
    {
        _handlerCalls++;
        return ValueTask.FromResult(Result<CustomerDto>.Success(_handlerAnswer));
    }

    private Task<Result<CustomerDto>> Run(UpdateCustomerCommand command, params IValidator<UpdateCustomerCommand>[] validators)
    {
        var behaviour = new ValidationBehaviour<UpdateCustomerCommand, Result<CustomerDto>>(validators);
        return behaviour.Handle(command, new MessageHandlerDelegate<UpdateCustomerCommand, Result<CustomerDto>>(Next), CancellationToken.None).AsTask();
    }

    private static IReadOnlyList<FieldError> FieldErrors(Result<CustomerDto> result)
    {
        Assert.That(result.Error?.Data, Is.InstanceOf<IReadOnlyList<FieldError>>());
        return (IReadOnlyList<FieldError>)result.Error!.Data!;
    }

    [SetUp]
    public void SetUp() => _handlerCalls = 0;

    [Test]
    public async Task PassesThroughToTheHandlerWhenValid()
    {
        var result = await Run(new UpdateCustomerCommand { Id = Id, FirstName = "Ann" }, new UpdateCustomerCommandValidator(), new NoSmithsValidator());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_handlerCalls, Is.EqualTo(1));
            Assert.That(result, Is.EqualTo(Result<CustomerDto>.Success(_handlerAnswer)));
        }
    }

    [Test]
    public async Task PassesThroughToTheHandlerWhenNoValidatorIsRegistered()
    {
        var result = await Run(new UpdateCustomerCommand { Id = string.Empty });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_handlerCalls, Is.EqualTo(1));
            Assert.That(result.IsSuccess, Is.True);
        }
    }

    [Test]
    public async Task NeverCallsTheHandlerWhenInvalid()
    {
        var result = await Run(new UpdateCustomerCommand { Id = string.Empty }, new UpdateCustomerCommandValidator());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_handlerCalls, Is.Zero);
            Assert.That(result.Error?.Code, Is.EqualTo("validation_error"));
            Assert.That(FieldErrors(result).Select(e => e.Field), Is.EqualTo((string[])["id"]));
        }
    }

    [Test]
    public async Task ReportsProblemsWithTheirWireNamesAndMessages()
    {
        var result = await Run(new UpdateCustomerCommand { Id = Id, Tags = ["a", "b", new string('t', 51)] }, new UpdateCustomerCommandValidator());

        var error = FieldErrors(result).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Field, Is.EqualTo("tags[2]"));
            Assert.That(error.Message, Does.StartWith("tags[2] ").And.Contain("50"));
        }
    }

    [Test]
    public async Task CollectsEveryProblemFromEveryValidatorOnce()
    {
        var command = new UpdateCustomerCommand { Id = Id, FirstName = " ", Status = "active", LastName = "Smith" };

        var result = await Run(command, new UpdateCustomerCommandValidator(), new NoSmithsValidator());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_handlerCalls, Is.Zero);
            Assert.That(result.Error?.Code, Is.EqualTo("validation_error"));
            Assert.That(FieldErrors(result).Select(e => e.Field), Is.EquivalentTo((string[])["firstName", "status", "lastName"]));
        }
    }

    [Test]
    public async Task RunsTheSecondValidatorWhenTheFirstPasses()
    {
        var result = await Run(new UpdateCustomerCommand { Id = Id, LastName = "Smith" }, new UpdateCustomerCommandValidator(), new NoSmithsValidator());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_handlerCalls, Is.Zero);
            Assert.That(result.Error?.Code, Is.EqualTo("validation_error"));
            Assert.That(FieldErrors(result), Is.EqualTo((FieldError[])[new FieldError("lastName", NoSmithsValidator.Message)]));
        }
    }

    [Test]
    public async Task ReportsLoneEmailFormatProblemAsInvalidEmail()
    {
        var result = await Run(new UpdateCustomerCommand { Id = Id, Email = "john@localhost" }, new UpdateCustomerCommandValidator());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_handlerCalls, Is.Zero);
            Assert.That(result.Error?.Code, Is.EqualTo("customer_invalid_email"));
            Assert.That(FieldErrors(result).Select(e => e.Field), Is.EqualTo((string[])["email"]));
        }
    }

    [Test]
    public async Task ReportsLoneEmailFormatProblemAsInvalidEmailWhenAnotherValidatorPasses()
    {
        var result = await Run(
            new UpdateCustomerCommand { Id = Id, Email = "john@localhost" },
            new UpdateCustomerCommandValidator(),
            new NoSmithsValidator());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_handlerCalls, Is.Zero);
            Assert.That(result.Error?.Code, Is.EqualTo("customer_invalid_email"));
            Assert.That(FieldErrors(result).Select(e => e.Field), Is.EqualTo((string[])["email"]));
        }
    }

    [Test]
    public async Task ReportsEmailFormatProblemWithOtherProblemsAsValidationError()
    {
        var result = await Run(new UpdateCustomerCommand { Id = Id, Email = "john@localhost", Status = "gone" }, new UpdateCustomerCommandValidator());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("validation_error"));
            Assert.That(FieldErrors(result).Select(e => e.Field), Is.EquivalentTo((string[])["email", "status"]));
        }
    }

    [Test]
    public async Task ReportsEmailFormatProblemWithAnotherValidatorsProblemAsValidationError()
    {
        var result = await Run(
            new UpdateCustomerCommand { Id = Id, Email = "john@localhost", LastName = "Smith" },
            new UpdateCustomerCommandValidator(),
            new NoSmithsValidator());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("validation_error"));
            Assert.That(FieldErrors(result).Select(e => e.Field), Is.EquivalentTo((string[])["email", "lastName"]));
        }
    }

    /// <summary>A second validator for the same message, as an extender of the service might register.</summary>
    private sealed class NoSmithsValidator : AbstractValidator<UpdateCustomerCommand>
    {
        public const string Message = "lastName must not be Smith";

        public NoSmithsValidator()
        {
            RuleFor(c => c.LastName)
                .Must(name => !string.Equals(name, "Smith", StringComparison.Ordinal))
                .OverridePropertyName("lastName")
                .WithMessage(Message);
        }
    }
}
