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
    private readonly IValidator<TMessage>[] _validators = [.. validators];

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
        var context = new ValidationContext<TMessage>(message);
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
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
}
