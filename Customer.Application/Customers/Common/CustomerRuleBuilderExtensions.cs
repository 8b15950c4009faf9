using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using FluentValidation;
using FluentValidation.Results;

namespace CustomerService.Application.Customers.Common;

/// <summary>
/// FluentValidation rules for customer fields. Each rule asks the domain's own checks
/// (<see cref="CustomerRules"/>, <see cref="EmailAddress"/>) so a limit is defined once, and names
/// the field by its wire name so clients can match errors to their inputs.
/// </summary>
public static class CustomerRuleBuilderExtensions
{
    public static IRuleBuilderOptionsConditions<T, string?> MustBeId<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Custom((value, context) => AddProblem(context, field, TextRules.CheckRequired(value, EntityId.MaxLength)));

    public static IRuleBuilderOptionsConditions<T, string?> MustBeName<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Custom((value, context) => AddProblem(context, field, CustomerRules.CheckName(value)));

    public static IRuleBuilderOptionsConditions<T, string?> MustBePassword<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Custom((value, context) => AddProblem(context, field, CustomerRules.CheckPassword(value)));

    /// <summary>A missing email is a plain validation problem; a malformed one carries <c>customer_invalid_email</c>.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeEmail<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Custom((value, context) =>
        {
            if (value is null)
            {
                AddProblem(context, field, "is required");
            }
            else if (EmailAddress.Check(value) is { } problem)
            {
                context.AddFailure(new ValidationFailure(field, $"{field} {problem}") { ErrorCode = CustomerErrorCodes.InvalidEmail });
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> MustBeStatus<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Custom((value, context) =>
        {
            if (!CustomerStatusNames.TryParse(value, out _))
            {
                AddProblem(context, field, $"must be {CustomerStatusNames.Active} or {CustomerStatusNames.Inactive}");
            }
        });

    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<string>?> MustBeTags<T>(
        this IRuleBuilder<T, IReadOnlyList<string>?> rule, string field) =>
        rule.Custom((tags, context) =>
        {
            if (tags is null)
            {
                return;
            }

            // Checked first so a hostile array of thousands of tags costs one message, not thousands.
            if (tags.Count > CustomerRules.MaxTags)
            {
                AddProblem(context, field, $"must hold at most {CustomerRules.MaxTags} entries");
                return;
            }

            for (var i = 0; i < tags.Count; i++)
            {
                var problem = tags[i] is null ? "must be a string" : CustomerRules.CheckTag(tags[i]);
                AddProblem(context, $"{field}[{i}]", problem);
            }
        });

    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<AddressInput>?> MustBeAddresses<T>(
        this IRuleBuilder<T, IReadOnlyList<AddressInput>?> rule, string field) =>
        rule.Custom((addresses, context) =>
        {
            if (addresses is null)
            {
                return;
            }

            if (addresses.Count > CustomerRules.MaxAddresses)
            {
                AddProblem(context, field, $"must hold at most {CustomerRules.MaxAddresses} addresses");
                return;
            }

            for (var i = 0; i < addresses.Count; i++)
            {
                if (addresses[i] is not { } address)
                {
                    AddProblem(context, $"{field}[{i}]", "must be an object");
                    continue;
                }

                foreach (var (addressField, problem) in address.ToDetails().Problems())
                {
                    AddProblem(context, $"{field}[{i}].{addressField}", problem);
                }
            }
        });

    private static void AddProblem<T>(ValidationContext<T> context, string field, string? problem)
    {
        if (problem is not null)
        {
            context.AddFailure(new ValidationFailure(field, $"{field} {problem}"));
        }
    }
}
