using CustomerService.Application.Customers.Common;
using CustomerService.Application.Customers.CreateCustomerAddress;
using CustomerService.Tests.Support;
using FluentValidation.Results;

namespace CustomerService.Tests.Application;

public sealed class CreateCustomerAddressCommandValidatorTests
{
    private const string CustomerId = "AbCdEfGhIjKlMnOp";

    private readonly CreateCustomerAddressCommandValidator _validator = new();

    private static string[] Fields(ValidationResult result) => [.. result.Errors.Select(e => e.PropertyName)];

    private static CreateCustomerAddressCommand One(AddressInput address) => new() { CustomerId = CustomerId, Address = address };

    private static CreateCustomerAddressCommand Many(params AddressInput[] addresses) => new() { CustomerId = CustomerId, Addresses = addresses };

    [Test]
    public void AcceptsOneAddress()
    {
        Assert.That(_validator.Validate(One(AddressInputs.Valid())).Errors, Is.Empty);
    }

    [Test]
    public void AcceptsAListOfAddresses()
    {
        Assert.That(_validator.Validate(Many(AddressInputs.Valid("Home"), AddressInputs.Valid("Work"))).Errors, Is.Empty);
    }

    // ---- customerId ----

    [TestCase("")]
    [TestCase("  ")]
    [TestCase(null)]
    public void RejectsMissingCustomerId(string? customerId)
    {
        var result = _validator.Validate(One(AddressInputs.Valid()) with { CustomerId = customerId! });

        Assert.That(Fields(result), Is.EqualTo((string[])["customerId"]));
    }

    [Test]
    public void RejectsCustomerIdLongerThanSixtyFourCharacters()
    {
        var result = _validator.Validate(One(AddressInputs.Valid()) with { CustomerId = new string('c', 65) });

        Assert.That(Fields(result), Is.EqualTo((string[])["customerId"]));
    }

    // ---- address or addresses ----

    [Test]
    public void RejectsNeitherAddressNorAddresses()
    {
        var result = _validator.Validate(new CreateCustomerAddressCommand { CustomerId = CustomerId });

        Assert.That(Fields(result), Is.EqualTo((string[])["address"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo("address (an object) or addresses (an array) is required"));
    }

    [Test]
    public void RejectsBothAddressAndAddresses()
    {
        var result = _validator.Validate(One(AddressInputs.Valid()) with { Addresses = [AddressInputs.Valid("Work")] });

        Assert.That(Fields(result), Is.EqualTo((string[])["address"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo("address and addresses cannot both be sent"));
    }

    [Test]
    public void RejectsBothEvenWhenTheListIsEmpty()
    {
        var result = _validator.Validate(One(AddressInputs.Valid()) with { Addresses = [] });

        Assert.That(Fields(result), Is.EqualTo((string[])["address"]));
    }

    [Test]
    public void RejectsEmptyListOfAddresses()
    {
        var result = _validator.Validate(Many());

        Assert.That(Fields(result), Is.EqualTo((string[])["addresses"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo("addresses must not be empty"));
    }

    [Test]
    public void AcceptsTwentyAddresses()
    {
        var addresses = Enumerable.Range(0, 20).Select(i => AddressInputs.Valid($"A{i}")).ToArray();

        Assert.That(_validator.Validate(Many(addresses)).Errors, Is.Empty);
    }

    [Test]
    public void RejectsTwentyOneAddressesWithOneMessage()
    {
        var addresses = Enumerable.Range(0, 21).Select(i => AddressInputs.Valid($"A{i}") with { City = string.Empty }).ToArray();

        var result = _validator.Validate(Many(addresses));

        Assert.That(Fields(result), Is.EqualTo((string[])["addresses"]));
    }

    [Test]
    public void RejectsNullEntryInTheList()
    {
        var result = _validator.Validate(Many(AddressInputs.Valid(), null!));

        Assert.That(Fields(result), Is.EqualTo((string[])["addresses[1]"]));
    }

    // ---- address fields ----

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.RequiredFields))]
    public void RejectsAddressWithoutRequiredField(string field)
    {
        var result = _validator.Validate(One(AddressInputs.With(AddressInputs.Valid(), field, null)));

        Assert.That(Fields(result), Is.EqualTo((string[])[$"address.{field}"]));
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.RequiredFields))]
    public void RejectsAddressWithBlankRequiredField(string field)
    {
        var result = _validator.Validate(One(AddressInputs.With(AddressInputs.Valid(), field, "  ")));

        Assert.That(Fields(result), Is.EqualTo((string[])[$"address.{field}"]));
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.RequiredFields))]
    public void RejectsListEntryWithoutRequiredFieldByItsIndex(string field)
    {
        var result = _validator.Validate(Many(AddressInputs.Valid(), AddressInputs.With(AddressInputs.Valid(), field, string.Empty)));

        Assert.That(Fields(result), Is.EqualTo((string[])[$"addresses[1].{field}"]));
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.OptionalFields))]
    public void AcceptsAddressWithoutOptionalField(string field)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_validator.Validate(One(AddressInputs.With(AddressInputs.Valid(), field, null))).Errors, Is.Empty);
            Assert.That(_validator.Validate(One(AddressInputs.With(AddressInputs.Valid(), field, string.Empty))).Errors, Is.Empty);
        }
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.FieldLimits))]
    public void AcceptsFieldOfMaximumLength(string field, int maxLength)
    {
        var result = _validator.Validate(One(AddressInputs.With(AddressInputs.Valid(), field, new string('x', maxLength))));

        Assert.That(result.Errors, Is.Empty);
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.FieldLimits))]
    public void RejectsFieldLongerThanMaximum(string field, int maxLength)
    {
        var result = _validator.Validate(One(AddressInputs.With(AddressInputs.Valid(), field, new string('x', maxLength + 1))));

        Assert.That(Fields(result), Is.EqualTo((string[])[$"address.{field}"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo($"address.{field} must be at most {maxLength} characters"));
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.AllFields))]
    public void RejectsFieldWithControlCharacter(string field)
    {
        var result = _validator.Validate(Many(AddressInputs.With(AddressInputs.Valid(), field, "a\u0001b")));

        Assert.That(Fields(result), Is.EqualTo((string[])[$"addresses[0].{field}"]));
    }

    [Test]
    public void ReportsEveryMissingFieldOfAnEmptyAddressAtOnce()
    {
        var result = _validator.Validate(One(new AddressInput()));

        Assert.That(Fields(result), Is.EquivalentTo(AddressInputs.RequiredFields.Select(f => $"address.{f}")));
    }

    [Test]
    public void ReportsProblemsOfEveryEntryAtOnce()
    {
        var result = _validator.Validate(Many(
            AddressInputs.Valid() with { Name = string.Empty },
            AddressInputs.Valid(),
            AddressInputs.Valid() with { Phone = new string('1', 31), Country = null }) with { CustomerId = string.Empty });

        Assert.That(
            Fields(result),
            Is.EquivalentTo((string[])["customerId", "addresses[0].name", "addresses[2].country", "addresses[2].phone"]));
    }
}
