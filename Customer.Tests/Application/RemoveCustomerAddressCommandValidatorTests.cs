using CustomerService.Application.Customers.RemoveCustomerAddress;
using FluentValidation.Results;

namespace CustomerService.Tests.Application;

public sealed class RemoveCustomerAddressCommandValidatorTests
{
    private readonly RemoveCustomerAddressCommandValidator _validator = new();

    private static RemoveCustomerAddressCommand Valid() => new() { CustomerId = "AbCdEfGhIjKlMnOp", AddressId = "QrStUvWxYz012345" };

    private static string[] Fields(ValidationResult result) => [.. result.Errors.Select(e => e.PropertyName)];

    [Test]
    public void AcceptsBothIds()
    {
        Assert.That(_validator.Validate(Valid()).Errors, Is.Empty);
    }

    [Test]
    public void AcceptsIdsOfSixtyFourCharacters()
    {
        var query = new RemoveCustomerAddressCommand { CustomerId = new string('c', 64), AddressId = new string('a', 64) };

        Assert.That(_validator.Validate(query).Errors, Is.Empty);
    }

    [TestCase("")]
    [TestCase("  ")]
    [TestCase(null)]
    public void RejectsMissingCustomerId(string? customerId)
    {
        var result = _validator.Validate(Valid() with { CustomerId = customerId! });

        Assert.That(Fields(result), Is.EqualTo((string[])["customerId"]));
    }

    [TestCase("")]
    [TestCase("  ")]
    [TestCase(null)]
    public void RejectsMissingAddressId(string? addressId)
    {
        var result = _validator.Validate(Valid() with { AddressId = addressId! });

        Assert.That(Fields(result), Is.EqualTo((string[])["addressId"]));
    }

    [Test]
    public void RejectsIdsLongerThanSixtyFourCharacters()
    {
        var result = _validator.Validate(new RemoveCustomerAddressCommand { CustomerId = new string('c', 65), AddressId = new string('a', 65) });

        Assert.That(Fields(result), Is.EquivalentTo((string[])["customerId", "addressId"]));
    }

    [Test]
    public void RejectsIdsWithControlCharacters()
    {
        var result = _validator.Validate(new RemoveCustomerAddressCommand { CustomerId = "a\u0000b", AddressId = "c\nd" });

        Assert.That(Fields(result), Is.EquivalentTo((string[])["customerId", "addressId"]));
    }

    [Test]
    public void ReportsBothMissingIdsAtOnce()
    {
        var result = _validator.Validate(new RemoveCustomerAddressCommand());

        Assert.That(Fields(result), Is.EquivalentTo((string[])["customerId", "addressId"]));
    }
}
