using System.Globalization;
using CustomerService.Api.Http.Json;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Results;
using CustomerService.Application.Customers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CustomerService.Api.Http.Envelope;

/// <summary>An action result that writes a MicroBase envelope, with <c>Retry-After</c> (whole seconds) when it is given.</summary>
public sealed class EnvelopeResult<T>(T envelope, int statusCode, TimeSpan? retryAfter = null) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (retryAfter is { } wait)
        {
            context.HttpContext.Response.Headers.RetryAfter = ServiceError.WholeSeconds(wait).ToString(CultureInfo.InvariantCulture);
        }

        return EnvelopeWriter.WriteAsync(context.HttpContext.Response, envelope, statusCode);
    }
}

/// <summary>Turns use-case results into envelope results.</summary>
public static class EnvelopeResult
{
    public static IActionResult Customer(Result<CustomerDto> result) => From(result, customer => new CustomerEnvelope(customer));

    /// <summary>A success wrapped by <paramref name="envelope"/>, or the failure's error envelope.</summary>
    public static IActionResult From<T, TEnvelope>(Result<T> result, Func<T, TEnvelope> envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return result.IsSuccess
            ? new EnvelopeResult<TEnvelope>(envelope(result.Value), StatusCodes.Status200OK)
            : Error(result.Error);
    }

    public static IActionResult Error(ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new EnvelopeResult<ErrorEnvelope>(new ErrorEnvelope(error.Code, error.Data), ErrorStatusCodes.For(error.Code), error.RetryAfter);
    }

    /// <summary>A request body that could not be bound: every problem the reader recorded, as one validation_error.</summary>
    public static IActionResult FromModelState(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var errors = new List<FieldError>();
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                errors.Add(new FieldError(
                    string.IsNullOrEmpty(key) ? JsonShapeChecker.BodyField : key,
                    string.IsNullOrEmpty(error.ErrorMessage) ? "could not be read" : error.ErrorMessage));
            }
        }

        return Error(CommonErrors.Validation(errors));
    }
}
