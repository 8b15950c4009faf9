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

    [Test]
    public async Task RunsAnAsynchronousValidatorAndReportsItsProblems()
    {
        var valid = await Run(new UpdateCustomerCommand { Id = Id, LastName = "Jones" }, new UpdateCustomerCommandValidator(), new NoSmithsAsyncValidator());
        var invalid = await Run(new UpdateCustomerCommand { Id = Id, LastName = "Smith" }, new UpdateCustomerCommandValidator(), new NoSmithsAsyncValidator());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(valid.IsSuccess, Is.True);
            Assert.That(_handlerCalls, Is.EqualTo(1), "only the valid command reaches the handler");
            Assert.That(FieldErrors(invalid), Is.EqualTo((FieldError[])[new FieldError("lastName", NoSmithsValidator.Message)]));
        }
    }

    [Test]
    public async Task RunsAnAsynchronousRuleHiddenAmongDependentRules()
    {
        var validator = new DependentAsyncRuleValidator();

        var first = await Run(new UpdateCustomerCommand { Id = Id, LastName = "Smith" }, validator);
        var second = await Run(new UpdateCustomerCommand { Id = Id, LastName = "Smith" }, validator);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_handlerCalls, Is.Zero);
            Assert.That(FieldErrors(first), Is.EqualTo((FieldError[])[new FieldError("lastName", NoSmithsValidator.Message)]));
            Assert.That(FieldErrors(second), Is.EqualTo(FieldErrors(first)));
        }
    }

    [Test]
    public async Task GoesThroughAnOverriddenValidateAsync()
    {
        var result = await Run(new UpdateCustomerCommand { Id = Id, FirstName = "Ann" }, new OverridingValidator());

        Assert.That(FieldErrors(result), Is.EqualTo((FieldError[])[new FieldError("firstName", OverridingValidator.Message)]));
    }

    [Test]
    public void GivesUpOnACancelledRequestBeforeValidating()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var behaviour = new ValidationBehaviour<UpdateCustomerCommand, Result<CustomerDto>>([new UpdateCustomerCommandValidator()]);

        Assert.CatchAsync<OperationCanceledException>(async () => await behaviour.Handle(
            new UpdateCustomerCommand { Id = Id }, new MessageHandlerDelegate<UpdateCustomerCommand, Result<CustomerDto>>(Next), cancelled.Token));
        Assert.That(_handlerCalls, Is.Zero);
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

    /// <summary>The same rule as <see cref="NoSmithsValidator"/>, checked asynchronously (as a rule that asks a service would be).</summary>
    private sealed class NoSmithsAsyncValidator : AbstractValidator<UpdateCustomerCommand>
    {
        public NoSmithsAsyncValidator()
        {
            RuleFor(c => c.LastName)
                .MustAsync(async (name, cancellationToken) =>
                {
                    await Task.Yield();
                    return !string.Equals(name, "Smith", StringComparison.Ordinal);
                })
                .OverridePropertyName("lastName")
                .WithMessage(NoSmithsValidator.Message);
        }
    }

    private sealed class AsyncConditionValidator : AbstractValidator<UpdateCustomerCommand>
    {
        public AsyncConditionValidator()
        {
            RuleFor(c => c.LastName).NotEqual("Smith").WhenAsync((_, _) => Task.FromResult(true));
        }
    }

    /// <summary>An asynchronous rule that only runs once the id has passed.</summary>
    private sealed class DependentAsyncRuleValidator : AbstractValidator<UpdateCustomerCommand>
    {
        public DependentAsyncRuleValidator()
        {
            RuleFor(c => c.Id).NotEmpty().DependentRules(() => RuleFor(c => c.LastName)
                .MustAsync((name, _) => Task.FromResult(!string.Equals(name, "Smith", StringComparison.Ordinal)))
                .OverridePropertyName("lastName")
                .WithMessage(NoSmithsValidator.Message));
        }
    }

    private sealed class IncludingValidator : AbstractValidator<UpdateCustomerCommand>
    {
        public IncludingValidator()
        {
            Include(new NoSmithsValidator());
        }
    }

    /// <summary>A validator that adds a problem of its own in an override of ValidateAsync.</summary>
    private sealed class OverridingValidator : AbstractValidator<UpdateCustomerCommand>
    {
        public const string Message = "firstName is checked by the override";

        public override async Task<FluentValidation.Results.ValidationResult> ValidateAsync(
            ValidationContext<UpdateCustomerCommand> context, CancellationToken cancellation = default)
        {
            var result = await base.ValidateAsync(context, cancellation);
            result.Errors.Add(new FluentValidation.Results.ValidationFailure("firstName", Message));
            return result;
        }
    }
}
