using CustomerService.Application.Customers.GetCustomer;

namespace CustomerService.Tests.Application;

public sealed class GetCustomerQueryValidatorTests
{
    private readonly GetCustomerQueryValidator _validator = new();

    [Test]
    public void AcceptsNonEmptyId()
    {
        var result = _validator.Validate(new GetCustomerQuery { Id = "AbCdEfGhIjKlMnOp" });

        Assert.That(result.Errors, Is.Empty);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Ab\u0000Cd")]
    public void RejectsMissingOrInvalidId(string id)
    {
        var result = _validator.Validate(new GetCustomerQuery { Id = id });

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo((string[])["id"]));
    }

    [Test]
    public void RejectsNullId()
    {
        var result = _validator.Validate(new GetCustomerQuery { Id = null! });

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo((string[])["id"]));
    }
}
