namespace CustomerService.Application.Common.Errors;

/// <summary>One problem with one field of a request; <c>validation_error</c> data is a list of these.</summary>
/// <param name="Field">The field's wire name, with a path where it is nested, e.g. <c>addresses[0].city</c>.</param>
/// <param name="Message">What is wrong, in words a developer calling the API can act on.</param>
public sealed record FieldError(string Field, string Message);
