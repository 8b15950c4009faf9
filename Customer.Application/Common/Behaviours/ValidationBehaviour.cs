using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Results;
using FluentValidation;
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
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var errors = new List<FieldError>();
        var onlyEmailFormat = true;
        foreach (var validator in validators)
        {
            // A context per validator: a shared one would hand each later validator the earlier ones' failures.
            var result = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in result.Errors)
            {
                errors.Add(new FieldError(failure.PropertyName, failure.ErrorMessage));
                onlyEmailFormat &= CommonErrors.IsEmailFormatCode(failure.ErrorCode);
            }
        }

        return errors.Count == 0
            ? await next(message, cancellationToken)
            : TResponse.Failure(CommonErrors.Validation(errors, onlyEmailFormat));
    }
}
