using CustomerService.Application.Customers.RemoveCustomer;
using FluentValidation.Results;

namespace CustomerService.Tests.Application;

public sealed class RemoveCustomerCommandValidatorTests
{
    private readonly RemoveCustomerCommandValidator _validator = new();

    private static string[] Fields(ValidationResult result) => [.. result.Errors.Select(e => e.PropertyName)];

    [Test]
    public void AcceptsId()
    {
        Assert.That(_validator.Validate(new RemoveCustomerCommand { Id = "AbCdEfGhIjKlMnOp" }).Errors, Is.Empty);
    }

    [Test]
    public void AcceptsIdOfSixtyFourCharacters()
    {
        Assert.That(_validator.Validate(new RemoveCustomerCommand { Id = new string('i', 64) }).Errors, Is.Empty);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("ab\u0000cd")]
    public void RejectsMissingOrInvalidId(string id)
    {
        var result = _validator.Validate(new RemoveCustomerCommand { Id = id });

        Assert.That(Fields(result), Is.EqualTo((string[])["id"]));
    }

    [Test]
    public void RejectsNullId()
    {
        var result = _validator.Validate(new RemoveCustomerCommand { Id = null! });

        Assert.That(Fields(result), Is.EqualTo((string[])["id"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo("id is required"));
    }

    [Test]
    public void RejectsIdLongerThanSixtyFourCharacters()
    {
        var result = _validator.Validate(new RemoveCustomerCommand { Id = new string('i', 65) });

        Assert.That(Fields(result), Is.EqualTo((string[])["id"]));
    }
}
