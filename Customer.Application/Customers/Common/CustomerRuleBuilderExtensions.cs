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

    /// <summary>An email to look a customer up by: only presence and size, since an email no customer holds is simply not found.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeLookupEmail<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.MustBeText(field, EmailAddress.MaxLength);

    /// <summary>Required text of at most <paramref name="maxLength"/> characters, without control characters.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeText<T>(this IRuleBuilder<T, string?> rule, string field, int maxLength) =>
        rule.Custom((value, context) => AddProblem(context, field, TextRules.CheckRequired(value, maxLength)));

    /// <summary>
    /// A password offered to be checked (sign-in, the current password of a change): only presence and
    /// size. Its strength says nothing about the attempt, and judging it would answer differently from bad_credentials.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeOfferedPassword<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Custom((value, context) => AddProblem(context, field, value switch
        {
            null => "is required",
            "" => "must not be empty",
            { Length: > CustomerRules.MaxPasswordLength } => $"must be at most {CustomerRules.MaxPasswordLength} characters",
            _ => null,
        }));

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

                AddAddressProblems(context, $"{field}[{i}]", address.ToDetails().Problems());
            }
        });

    public static IRuleBuilderOptionsConditions<T, int?> MustBeBetween<T>(this IRuleBuilder<T, int?> rule, string field, int min, int max) =>
        rule.Custom((value, context) =>
        {
            if (value is { } number && (number < min || number > max))
            {
                AddProblem(context, field, max == int.MaxValue ? $"must be at least {min}" : $"must be between {min} and {max}");
            }
        });

    /// <summary>An optional cursor: when given, not empty and at most <paramref name="maxLength"/> characters.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeCursor<T>(this IRuleBuilder<T, string?> rule, string field, int maxLength) =>
        rule.Custom((value, context) => AddProblem(context, field, value is null ? null : TextRules.CheckRequired(value, maxLength)));

    /// <summary>A list filter: at most <paramref name="maxValues"/> values, each passing <paramref name="check"/>.</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<string>?> MustBeFilter<T>(
        this IRuleBuilder<T, IReadOnlyList<string>?> rule, string field, int maxValues, Func<string, string?> check) =>
        rule.Custom((values, context) =>
        {
            if (values is null)
            {
                return;
            }

            if (values.Count > maxValues)
            {
                AddProblem(context, field, $"must hold at most {maxValues} values");
                return;
            }

            for (var i = 0; i < values.Count; i++)
            {
                AddProblem(context, $"{field}[{i}]", check(values[i]));
            }
        });

    /// <summary>One new address: its fields must make a valid address.</summary>
    public static IRuleBuilderOptionsConditions<T, AddressInput?> MustBeAddress<T>(this IRuleBuilder<T, AddressInput?> rule, string field) =>
        rule.Custom((address, context) =>
        {
            if (address is not null)
            {
                AddAddressProblems(context, field, address.ToDetails().Problems());
            }
        });

    /// <summary>
    /// A change to an address: its id is required; the fields it sets must be valid on their own
    /// (whether required fields stay filled is checked against the stored address by the aggregate).
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, AddressChangeInput?> MustBeAddressChange<T>(this IRuleBuilder<T, AddressChangeInput?> rule, string field) =>
        rule.Custom((change, context) =>
        {
            if (change is null)
            {
                AddProblem(context, field, "is required");
                return;
            }

            AddProblem(context, $"{field}.id", TextRules.CheckRequired(change.Id, EntityId.MaxLength));
            var patched = change.ToPatch().ApplyTo(AddressDetailsPlaceholder);
            AddAddressProblems(context, field, patched.Problems());
        });

    // Stands in for the stored address when a change is checked alone: every required field is filled,
    // so only the values the change sets can produce problems.
    private static readonly AddressDetails AddressDetailsPlaceholder =
        new("-", "-", null, "-", null, "-", "-", "-", "-", null, null, null);

    private static void AddAddressProblems<T>(ValidationContext<T> context, string prefix, IEnumerable<(string Field, string Message)> problems)
    {
        foreach (var (addressField, problem) in problems)
        {
            AddProblem(context, $"{prefix}.{addressField}", problem);
        }
    }

    private static void AddProblem<T>(ValidationContext<T> context, string field, string? problem)
    {
        if (problem is not null)
        {
            context.AddFailure(new ValidationFailure(field, $"{field} {problem}"));
        }
    }
}
