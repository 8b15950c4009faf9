using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Results;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace CustomerService.Application.Common.Behaviours;

/// <summary>
/// Runs every FluentValidation validator registered for the message and, when any fails, answers with
/// all their problems at once instead of calling the handler.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailableResult<TResponse>
{
    // A behaviour is made per scope (per request). The container hands over an array it keeps and
    // this class only reads, so it is used as it is rather than copied each time.
    private readonly IValidator<TMessage>[] _validators = validators as IValidator<TMessage>[] ?? [.. validators];

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        List<FieldError>? errors = null;
        var onlyEmailFormat = true;
        foreach (var validator in _validators)
        {
            // A context per validator: a shared one would hand each later validator the earlier ones' failures.
            var result = ValidateSynchronously(validator, message, cancellationToken)
                ?? await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in result.Errors)
            {
                (errors ??= []).Add(new FieldError(failure.PropertyName, failure.ErrorMessage));
                onlyEmailFormat &= CommonErrors.IsEmailFormatCode(failure.ErrorCode);
            }
        }

        return errors is null
            ? await next(message, cancellationToken)
            : TResponse.Failure(CommonErrors.Validation(errors, onlyEmailFormat));
    }

    /// <summary>
    /// The result of a synchronous run when the validator has nothing asynchronous (see
    /// <see cref="SynchronousValidation"/>); null when it must be run with <c>ValidateAsync</c>.
    /// </summary>
    private static ValidationResult? ValidateSynchronously(IValidator<TMessage> validator, TMessage message, CancellationToken cancellationToken)
    {
        if (!SynchronousValidation.CanRun(validator))
        {
            return null;
        }

        // ValidateAsync gives up on a cancelled token before its first rule; so does this.
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return validator.Validate(message);
        }
        catch (AsyncValidatorInvokedSynchronouslyException)
        {
            SynchronousValidation.MarkAsynchronous(validator);
            return null;
        }
    }
}
