using CustomerService.Application.Customers.UpdateCustomer;
using FluentValidation.Results;

namespace CustomerService.Tests.Application;

public sealed class UpdateCustomerCommandValidatorTests
{
    private const string Id = "AbCdEfGhIjKlMnOp";

    private readonly UpdateCustomerCommandValidator _validator = new();

    private static string[] Fields(ValidationResult result) => [.. result.Errors.Select(e => e.PropertyName)];

    [Test]
    public void AcceptsOnlyId()
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id });

        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void AcceptsEveryFieldWhenValid()
    {
        var result = _validator.Validate(new UpdateCustomerCommand
        {
            Id = Id,
            Email = "Jane.Doe@Example.com",
            FirstName = "Jane",
            LastName = "Doe",
            Status = "INACTIVE",
            Tags = ["VIP", "gold"],
        });

        Assert.That(result.Errors, Is.Empty);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void RejectsMissingId(string id)
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = id });

        Assert.That(Fields(result), Is.EqualTo((string[])["id"]));
    }

    [Test]
    public void RejectsNullId()
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = null! });

        Assert.That(Fields(result), Is.EqualTo((string[])["id"]));
    }

    // ---- email ----

    [TestCase("")]
    [TestCase("john.example.com")]
    [TestCase("john@doe@example.com")]
    [TestCase("@example.com")]
    [TestCase("john@localhost")]
    [TestCase("john@.example.com")]
    [TestCase("john@example.com.")]
    [TestCase("john doe@example.com")]
    [TestCase("jo\u0001hn@example.com")]
    public void RejectsMalformedEmailWithInvalidEmailCode(string email)
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Email = email });

        Assert.That(Fields(result), Is.EqualTo((string[])["email"]));
        Assert.That(result.Errors[0].ErrorCode, Is.EqualTo("customer_invalid_email"));
    }

    [Test]
    public void AcceptsEmailOfTwoHundredFiftyFourCharacters()
    {
        var email = new string('a', 64) + "@" + new string('b', 185) + ".com";

        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Email = email });

        Assert.That(email, Has.Length.EqualTo(254));
        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void RejectsEmailOfTwoHundredFiftyFiveCharacters()
    {
        var email = new string('a', 64) + "@" + new string('b', 186) + ".com";

        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Email = email });

        Assert.That(email, Has.Length.EqualTo(255));
        Assert.That(Fields(result), Is.EqualTo((string[])["email"]));
        Assert.That(result.Errors[0].ErrorCode, Is.EqualTo("customer_invalid_email"));
    }

    // ---- names ----

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Ja\u0000ne")]
    [TestCase("Ja\nne")]
    public void RejectsInvalidFirstName(string firstName)
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, FirstName = firstName });

        Assert.That(Fields(result), Is.EqualTo((string[])["firstName"]));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Do\u001Fe")]
    public void RejectsInvalidLastName(string lastName)
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, LastName = lastName });

        Assert.That(Fields(result), Is.EqualTo((string[])["lastName"]));
    }

    [Test]
    public void AcceptsNamesOfOneHundredCharacters()
    {
        var name = new string('n', 100);

        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, FirstName = name, LastName = "  " + name + " " });

        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void RejectsNamesLongerThanOneHundredCharacters()
    {
        var name = new string('n', 101);

        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, FirstName = name, LastName = name });

        Assert.That(Fields(result), Is.EquivalentTo((string[])["firstName", "lastName"]));
    }

    // ---- status ----

    [TestCase("ACTIVE")]
    [TestCase("INACTIVE")]
    public void AcceptsKnownStatus(string status)
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Status = status });

        Assert.That(result.Errors, Is.Empty);
    }

    [TestCase("active")]
    [TestCase("Inactive")]
    [TestCase("DELETED")]
    [TestCase("")]
    [TestCase(" ACTIVE")]
    public void RejectsUnknownStatus(string status)
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Status = status });

        Assert.That(Fields(result), Is.EqualTo((string[])["status"]));
    }

    // ---- tags ----

    [Test]
    public void AcceptsEmptyTagList()
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Tags = [] });

        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void AcceptsDuplicateTags()
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Tags = ["VIP", "VIP"] });

        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void AcceptsFiftyTags()
    {
        var tags = Enumerable.Range(0, 50).Select(i => $"t{i}").ToList();

        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Tags = tags });

        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void RejectsFiftyOneTags()
    {
        var tags = Enumerable.Range(0, 51).Select(i => $"t{i}").ToList();

        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Tags = tags });

        Assert.That(Fields(result), Is.EqualTo((string[])["tags"]));
    }

    [Test]
    public void AcceptsTagOfFiftyCharacters()
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Tags = [new string('t', 50)] });

        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void RejectsTagLongerThanFiftyCharacters()
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Tags = ["a", "b", new string('t', 51)] });

        Assert.That(Fields(result), Is.EqualTo((string[])["tags[2]"]));
    }

    [TestCase("")]
    [TestCase("  ")]
    [TestCase("v\u0000ip")]
    public void RejectsInvalidTag(string tag)
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Tags = ["ok", tag] });

        Assert.That(Fields(result), Is.EqualTo((string[])["tags[1]"]));
    }

    [Test]
    public void RejectsNullTag()
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Tags = ["ok", null!] });

        Assert.That(Fields(result), Is.EqualTo((string[])["tags[1]"]));
    }

    [Test]
    public void ReportsEveryBadTagAtOnce()
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, Tags = [string.Empty, "ok", new string('t', 51)] });

        Assert.That(Fields(result), Is.EquivalentTo((string[])["tags[0]", "tags[2]"]));
    }

    // ---- all at once ----

    [Test]
    public void ReportsAllProblemsAtOnce()
    {
        var result = _validator.Validate(new UpdateCustomerCommand
        {
            Id = string.Empty,
            Email = "not-an-email",
            FirstName = " ",
            LastName = new string('x', 101),
            Status = "active",
            Tags = ["ok", "ok", string.Empty],
        });

        Assert.That(
            Fields(result),
            Is.EquivalentTo((string[])["id", "email", "firstName", "lastName", "status", "tags[2]"]));
    }

    [Test]
    public void MessagesNameTheWireField()
    {
        var result = _validator.Validate(new UpdateCustomerCommand { Id = Id, FirstName = string.Empty });

        Assert.That(result.Errors[0].ErrorMessage, Does.StartWith("firstName "));
    }
}
