using System.Reflection;
using System.Runtime.CompilerServices;
using FluentValidation;
using FluentValidation.Validators;

namespace CustomerService.Application.Common.Behaviours;

/// <summary>
/// Tells, once per validator instance, whether FluentValidation can run it synchronously with the
/// same outcome as <c>ValidateAsync</c>: FluentValidation runs the very same rules either way, and
/// refuses a synchronous run (with <see cref="AsyncValidatorInvokedSynchronouslyException"/>) only
/// when it meets an asynchronous rule or condition. A synchronous run spares the Task that
/// <c>ValidateAsync</c> allocates for every message.
/// </summary>
/// <remarks>
/// Only an <see cref="AbstractValidator{T}"/> that overrides neither <c>Validate</c> nor
/// <c>ValidateAsync</c>, and none of whose rules (dependent rules included) has an asynchronous
/// condition or a component that can validate asynchronously (<c>MustAsync</c>, <c>CustomAsync</c>,
/// child validators, included validators), is run synchronously. Anything else — another
/// <see cref="IValidator{T}"/> implementation too — keeps <c>ValidateAsync</c>. Should a synchronous
/// run still meet an asynchronous rule, the caller falls back to <c>ValidateAsync</c> and
/// <see cref="MarkAsynchronous"/> makes that validator asynchronous from then on.
/// </remarks>
internal static class SynchronousValidation
{
    private static readonly object Synchronous = new();
    private static readonly object Asynchronous = new();

    // Weak keys: validators registered as scoped or transient must not be kept alive here.
    private static readonly ConditionalWeakTable<IValidator, object> Verdicts = [];

    public static bool CanRun<T>(IValidator<T> validator)
    {
        var verdict = Verdicts.GetValue(validator, static v => Inspect<T>(v) ? Synchronous : Asynchronous);
        return ReferenceEquals(verdict, Synchronous);
    }

    public static void MarkAsynchronous(IValidator validator) => Verdicts.AddOrUpdate(validator, Asynchronous);

    private static bool Inspect<T>(IValidator validator)
    {
        if (validator is not AbstractValidator<T> rules || OverridesValidation<T>(validator.GetType()))
        {
            return false;
        }

        return rules.All(IsSynchronous);
    }

    private static bool IsSynchronous(IValidationRule rule) =>
        !rule.HasAsyncCondition
        && rule.Components.All(component =>
            !component.HasAsyncCondition && component.Validator is { } propertyValidator && !CanValidateAsynchronously(propertyValidator))
        && (rule.DependentRules ?? []).All(IsSynchronous);

    private static bool CanValidateAsynchronously(object propertyValidator) =>
        propertyValidator.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncPropertyValidator<,>));

    private static bool OverridesValidation<T>(Type validatorType)
    {
        var validate = validatorType.GetMethod(
            nameof(AbstractValidator<T>.Validate), BindingFlags.Public | BindingFlags.Instance, [typeof(ValidationContext<T>)]);
        var validateAsync = validatorType.GetMethod(
            nameof(AbstractValidator<T>.ValidateAsync), BindingFlags.Public | BindingFlags.Instance, [typeof(ValidationContext<T>), typeof(CancellationToken)]);
        return validate?.DeclaringType != typeof(AbstractValidator<T>) || validateAsync?.DeclaringType != typeof(AbstractValidator<T>);
    }
}
