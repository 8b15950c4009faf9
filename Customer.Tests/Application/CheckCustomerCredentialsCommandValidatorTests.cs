using CustomerService.Application.Customers.CheckCustomerCredentials;
using FluentValidation.Results;

namespace CustomerService.Tests.Application;

public sealed class CheckCustomerCredentialsCommandValidatorTests
{
    private readonly CheckCustomerCredentialsCommandValidator _validator = new();

    private static CheckCustomerCredentialsCommand Valid() => new() { Email = "John.Doe@Example.com", Password = "correct horse battery" };

    private static string[] Fields(ValidationResult result) => [.. result.Errors.Select(e => e.PropertyName)];

    [Test]
    public void AcceptsEmailAndPassword()
    {
        Assert.That(_validator.Validate(Valid()).Errors, Is.Empty);
    }

    // ---- email: presence and size only ----

    [Test]
    public void RejectsMissingEmail()
    {
        var result = _validator.Validate(Valid() with { Email = null });

        Assert.That(Fields(result), Is.EqualTo((string[])["email"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo("email is required"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void RejectsBlankEmail(string email)
    {
        var result = _validator.Validate(Valid() with { Email = email });

        Assert.That(Fields(result), Is.EqualTo((string[])["email"]));
    }

    [TestCase("not-an-email")]
    [TestCase("john@localhost")]
    [TestCase("a@b@c.com")]
    public void AcceptsMalformedEmailSoTheAnswerIsBadCredentials(string email)
    {
        var result = _validator.Validate(Valid() with { Email = email });

        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void RejectsEmailWithControlCharacterWithoutTheInvalidEmailCode()
    {
        var result = _validator.Validate(Valid() with { Email = "a\u0000b@example.com" });

        Assert.That(Fields(result), Is.EqualTo((string[])["email"]));
        Assert.That(result.Errors[0].ErrorCode, Is.Not.EqualTo("customer_invalid_email"));
    }

    [Test]
    public void AcceptsEmailOfTwoHundredFiftyFourCharacters()
    {
        var email = new string('a', 64) + "@" + new string('b', 185) + ".com";

        Assert.That(email, Has.Length.EqualTo(254));
        Assert.That(_validator.Validate(Valid() with { Email = email }).Errors, Is.Empty);
    }

    [Test]
    public void RejectsEmailLongerThanTwoHundredFiftyFourCharacters()
    {
        var email = new string('a', 64) + "@" + new string('b', 186) + ".com";

        var result = _validator.Validate(Valid() with { Email = email });

        Assert.That(Fields(result), Is.EqualTo((string[])["email"]));
    }

    // ---- password: presence and size only ----

    [Test]
    public void RejectsMissingPassword()
    {
        var result = _validator.Validate(Valid() with { Password = null });

        Assert.That(Fields(result), Is.EqualTo((string[])["password"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo("password is required"));
    }

    [Test]
    public void RejectsEmptyPassword()
    {
        var result = _validator.Validate(Valid() with { Password = string.Empty });

        Assert.That(Fields(result), Is.EqualTo((string[])["password"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo("password must not be empty"));
    }

    [TestCase("x")]
    [TestCase("short")]
    [TestCase("   ")]
    public void AcceptsPasswordTooWeakForRegistration(string password)
    {
        Assert.That(_validator.Validate(Valid() with { Password = password }).Errors, Is.Empty);
    }

    [Test]
    public void AcceptsPasswordOfTwoHundredFiftySixCharacters()
    {
        Assert.That(_validator.Validate(Valid() with { Password = new string('p', 256) }).Errors, Is.Empty);
    }

    [Test]
    public void RejectsPasswordLongerThanTwoHundredFiftySixCharacters()
    {
        var result = _validator.Validate(Valid() with { Password = new string('p', 257) });

        Assert.That(Fields(result), Is.EqualTo((string[])["password"]));
    }

    [Test]
    public void ReportsBothProblemsAtOnce()
    {
        var result = _validator.Validate(new CheckCustomerCredentialsCommand());

        Assert.That(Fields(result), Is.EquivalentTo((string[])["email", "password"]));
    }

    [Test]
    public void NeverShowsThePasswordInTheCommandsText()
    {
        var command = Valid() with { Password = "s3cret-Passw0rd" };

        Assert.That(command.ToString(), Does.Not.Contain("s3cret-Passw0rd"));
    }
}
