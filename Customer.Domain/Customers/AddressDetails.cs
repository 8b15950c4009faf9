using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>The descriptive part of a postal address: everything but its identity.</summary>
public sealed record AddressDetails(
    string Name,
    string FirstName,
    string? LastName,
    string Address1,
    string? Address2,
    string PostCode,
    string City,
    string State,
    string Country,
    string? Company,
    string? Phone,
    string? Instructions)
{
    public const int MaxShortTextLength = 100;
    public const int MaxLineLength = 200;
    public const int MaxPostCodeLength = 20;
    public const int MaxPhoneLength = 30;
    public const int MaxInstructionsLength = 500;

    /// <summary>Every field with its wire name, its value and whether it is required, for checks that must cover them all.</summary>
    public IEnumerable<(string Field, string? Value, bool Required, int MaxLength)> Fields()
    {
        yield return ("name", Name, true, MaxShortTextLength);
        yield return ("firstName", FirstName, true, MaxShortTextLength);
        yield return ("lastName", LastName, false, MaxShortTextLength);
        yield return ("address_1", Address1, true, MaxLineLength);
        yield return ("address_2", Address2, false, MaxLineLength);
        yield return ("postCode", PostCode, true, MaxPostCodeLength);
        yield return ("city", City, true, MaxShortTextLength);
        yield return ("state", State, true, MaxShortTextLength);
        yield return ("country", Country, true, MaxShortTextLength);
        yield return ("company", Company, false, MaxShortTextLength);
        yield return ("phone", Phone, false, MaxPhoneLength);
        yield return ("instructions", Instructions, false, MaxInstructionsLength);
    }

    /// <summary>Field problems as (wire name, message) pairs; empty when the address is valid.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        foreach (var (field, value, required, maxLength) in Fields())
        {
            var problem = required ? TextRules.CheckRequired(value, maxLength) : TextRules.CheckOptional(value, maxLength);
            if (problem is not null)
            {
                yield return (field, problem);
            }
        }
    }

    /// <summary>The same address with surrounding blanks removed and blank optional fields cleared.</summary>
    public AddressDetails Normalized() => new(
        Name.Trim(),
        FirstName.Trim(),
        TextRules.NormalizeOptional(LastName),
        Address1.Trim(),
        TextRules.NormalizeOptional(Address2),
        PostCode.Trim(),
        City.Trim(),
        State.Trim(),
        Country.Trim(),
        TextRules.NormalizeOptional(Company),
        TextRules.NormalizeOptional(Phone),
        TextRules.NormalizeOptional(Instructions));
}
