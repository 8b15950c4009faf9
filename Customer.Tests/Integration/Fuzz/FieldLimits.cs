using System.Text.Json.Nodes;
using CustomerService.Application.Customers.ListCustomers;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Tests.Integration.Fuzz;

public enum LimitKind
{
    /// <summary>A string's length in UTF-16 units.</summary>
    Text,

    /// <summary>An array's number of entries.</summary>
    Count,

    /// <summary>A number's range.</summary>
    Number,
}

/// <summary>A limit on one field and the values at its edges: 0, 1, max, max+1 (and min-1, min for a minimum).</summary>
public sealed record FieldLimit(LimitKind Kind, IReadOnlyList<int> Edges, bool IsEmail = false)
{
    public static FieldLimit Text(int max, int min = 1, bool email = false) =>
        new(LimitKind.Text, [.. new[] { 0, 1, min - 1, min, max, max + 1 }.Where(n => n >= 0).Distinct()], email);

    public static FieldLimit Count(int max) => new(LimitKind.Count, [0, 1, max, max + 1]);

    public static FieldLimit Range(int min, int max) =>
        new(LimitKind.Number, [.. new[] { min - 1, min, max, unchecked(max + 1), 0, 1 }.Distinct()]);
}

/// <summary>The limits of one method's fields, by wire name, read from the domain's own constants.</summary>
public sealed class FieldLimits
{
    private readonly Dictionary<string, FieldLimit> _byName;
    private readonly Dictionary<string, FieldLimit> _byArrayName;
    private readonly Dictionary<string, FieldLimit> _elementLimits = new(StringComparer.Ordinal);

    private FieldLimits(Dictionary<string, FieldLimit> byName, Dictionary<string, FieldLimit> byArrayName)
    {
        _byName = byName;
        _byArrayName = byArrayName;
    }

    /// <summary>The limits of customer.list: every filter takes up to 100 values.</summary>
    public static FieldLimits ForList() => new(
        new(StringComparer.Ordinal)
        {
            ["limit"] = FieldLimit.Range(1, ListCustomersQuery.MaxLimit),
            ["skip"] = FieldLimit.Range(0, int.MaxValue),
        },
        new(StringComparer.Ordinal)
        {
            ["id"] = FieldLimit.Count(ListCustomersQueryValidator.MaxFilterValues),
            ["email"] = FieldLimit.Count(ListCustomersQueryValidator.MaxFilterValues),
            ["status"] = FieldLimit.Count(ListCustomersQueryValidator.MaxFilterValues),
            ["tags"] = FieldLimit.Count(ListCustomersQueryValidator.MaxFilterValues),
        })
    {
        _elementLimits =
        {
            ["id"] = FieldLimit.Text(EntityId.MaxLength),
            ["email"] = FieldLimit.Text(EmailAddress.MaxLength, email: true),
            ["tags"] = FieldLimit.Text(CustomerRules.MaxTagLength),
        },
    };

    /// <summary>The limits of every other method.</summary>
    public static FieldLimits ForCustomers() => new(
        new(StringComparer.Ordinal)
        {
            ["id"] = FieldLimit.Text(EntityId.MaxLength),
            ["customerId"] = FieldLimit.Text(EntityId.MaxLength),
            ["addressId"] = FieldLimit.Text(EntityId.MaxLength),
            ["email"] = FieldLimit.Text(EmailAddress.MaxLength, email: true),
            ["password"] = FieldLimit.Text(CustomerRules.MaxPasswordLength, CustomerRules.MinPasswordLength),
            ["firstName"] = FieldLimit.Text(CustomerRules.MaxNameLength),
            ["lastName"] = FieldLimit.Text(CustomerRules.MaxNameLength),
            ["status"] = FieldLimit.Text(8),
            ["name"] = FieldLimit.Text(AddressDetails.MaxShortTextLength),
            ["address_1"] = FieldLimit.Text(AddressDetails.MaxLineLength),
            ["address_2"] = FieldLimit.Text(AddressDetails.MaxLineLength),
            ["postCode"] = FieldLimit.Text(AddressDetails.MaxPostCodeLength),
            ["city"] = FieldLimit.Text(AddressDetails.MaxShortTextLength),
            ["state"] = FieldLimit.Text(AddressDetails.MaxShortTextLength),
            ["country"] = FieldLimit.Text(AddressDetails.MaxShortTextLength),
            ["company"] = FieldLimit.Text(AddressDetails.MaxShortTextLength),
            ["phone"] = FieldLimit.Text(AddressDetails.MaxPhoneLength),
            ["instructions"] = FieldLimit.Text(AddressDetails.MaxInstructionsLength),
        },
        new(StringComparer.Ordinal)
        {
            ["tags"] = FieldLimit.Count(CustomerRules.MaxTags),
            ["addresses"] = FieldLimit.Count(CustomerRules.MaxAddresses),
        })
    {
        _elementLimits = { ["tags"] = FieldLimit.Text(CustomerRules.MaxTagLength) },
    };

    /// <summary>The limit that applies to this node, from its property name (or its array's), if any.</summary>
    public FieldLimit? LimitOf(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Parent switch
        {
            JsonObject when node is JsonArray => _byArrayName.GetValueOrDefault(node.GetPropertyName()),
            JsonObject => _byName.GetValueOrDefault(node.GetPropertyName()) ?? _elementLimits.GetValueOrDefault(node.GetPropertyName()),
            JsonArray { Parent: JsonObject } array when node is JsonValue => _elementLimits.GetValueOrDefault(array.GetPropertyName()),
            _ => null,
        };
    }
}
