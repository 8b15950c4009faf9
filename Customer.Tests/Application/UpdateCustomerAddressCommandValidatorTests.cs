using CustomerService.Application.Customers.Common;
using CustomerService.Application.Customers.UpdateCustomerAddress;
using CustomerService.Tests.Support;
using FluentValidation.Results;

namespace CustomerService.Tests.Application;

public sealed class UpdateCustomerAddressCommandValidatorTests
{
    private const string CustomerId = "AbCdEfGhIjKlMnOp";
    private const string AddressId = "QrStUvWxYz012345";

    private readonly UpdateCustomerAddressCommandValidator _validator = new();

    private static string[] Fields(ValidationResult result) => [.. result.Errors.Select(e => e.PropertyName)];

    private static UpdateCustomerAddressCommand Command(AddressChangeInput? change) => new() { CustomerId = CustomerId, Address = change };

    private static AddressChangeInput Setting(string field, string? value) => AddressInputs.With(AddressInputs.Change(AddressId), field, value);

    [Test]
    public void AcceptsChangeNamingOnlyTheAddress()
    {
        Assert.That(_validator.Validate(Command(AddressInputs.Change(AddressId))).Errors, Is.Empty);
    }

    [Test]
    public void AcceptsChangeOfEveryField()
    {
        var input = AddressInputs.Valid();
        var change = new AddressChangeInput
        {
            Id = AddressId,
            Name = input.Name,
            FirstName = input.FirstName,
            LastName = input.LastName,
            Address1 = input.Address1,
            Address2 = input.Address2,
            PostCode = input.PostCode,
            City = input.City,
            State = input.State,
            Country = input.Country,
            Company = input.Company,
            Phone = input.Phone,
            Instructions = input.Instructions,
        };

        Assert.That(_validator.Validate(Command(change)).Errors, Is.Empty);
    }

    // ---- ids ----

    [TestCase("")]
    [TestCase("  ")]
    [TestCase(null)]
    public void RejectsMissingCustomerId(string? customerId)
    {
        var result = _validator.Validate(Command(AddressInputs.Change(AddressId)) with { CustomerId = customerId! });

        Assert.That(Fields(result), Is.EqualTo((string[])["customerId"]));
    }

    [Test]
    public void RejectsCustomerIdLongerThanSixtyFourCharacters()
    {
        var result = _validator.Validate(Command(AddressInputs.Change(AddressId)) with { CustomerId = new string('c', 65) });

        Assert.That(Fields(result), Is.EqualTo((string[])["customerId"]));
    }

    [Test]
    public void RejectsMissingAddress()
    {
        var result = _validator.Validate(Command(null));

        Assert.That(Fields(result), Is.EqualTo((string[])["address"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo("address is required"));
    }

    [TestCase("")]
    [TestCase("  ")]
    [TestCase(null)]
    public void RejectsMissingAddressId(string? id)
    {
        var result = _validator.Validate(Command(new AddressChangeInput { Id = id!, City = "London" }));

        Assert.That(Fields(result), Is.EqualTo((string[])["address.id"]));
    }

    [Test]
    public void AcceptsAddressIdOfSixtyFourCharacters()
    {
        Assert.That(_validator.Validate(Command(AddressInputs.Change(new string('a', 64)))).Errors, Is.Empty);
    }

    [Test]
    public void RejectsAddressIdLongerThanSixtyFourCharacters()
    {
        var result = _validator.Validate(Command(AddressInputs.Change(new string('a', 65))));

        Assert.That(Fields(result), Is.EqualTo((string[])["address.id"]));
    }

    // ---- fields: a change may clear optional fields but not blank required ones ----

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.RequiredFields))]
    public void RejectsEmptyStringForRequiredField(string field)
    {
        var result = _validator.Validate(Command(Setting(field, string.Empty)));

        Assert.That(Fields(result), Is.EqualTo((string[])[$"address.{field}"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo($"address.{field} must not be empty"));
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.RequiredFields))]
    public void RejectsBlanksForRequiredField(string field)
    {
        var result = _validator.Validate(Command(Setting(field, " \t ")));

        Assert.That(Fields(result), Is.EqualTo((string[])[$"address.{field}"]));
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.AllFields))]
    public void AcceptsFieldLeftOut(string field)
    {
        Assert.That(_validator.Validate(Command(Setting(field, null))).Errors, Is.Empty);
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.OptionalFields))]
    public void AcceptsEmptyStringClearingOptionalField(string field)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_validator.Validate(Command(Setting(field, string.Empty))).Errors, Is.Empty);
            Assert.That(_validator.Validate(Command(Setting(field, "   "))).Errors, Is.Empty);
        }
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.FieldLimits))]
    public void AcceptsFieldOfMaximumLength(string field, int maxLength)
    {
        Assert.That(_validator.Validate(Command(Setting(field, new string('x', maxLength)))).Errors, Is.Empty);
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.FieldLimits))]
    public void RejectsFieldLongerThanMaximum(string field, int maxLength)
    {
        var result = _validator.Validate(Command(Setting(field, new string('x', maxLength + 1))));

        Assert.That(Fields(result), Is.EqualTo((string[])[$"address.{field}"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo($"address.{field} must be at most {maxLength} characters"));
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.AllFields))]
    public void RejectsFieldWithControlCharacter(string field)
    {
        var result = _validator.Validate(Command(Setting(field, "a\u0001b")));

        Assert.That(Fields(result), Is.EqualTo((string[])[$"address.{field}"]));
    }

    [Test]
    public void ReportsAllProblemsAtOnce()
    {
        var change = new AddressChangeInput { Id = string.Empty, Name = string.Empty, Company = string.Empty, PostCode = new string('9', 21) };

        var result = _validator.Validate(new UpdateCustomerAddressCommand { CustomerId = " ", Address = change });

        Assert.That(Fields(result), Is.EquivalentTo((string[])["customerId", "address.id", "address.name", "address.postCode"]));
    }
}
