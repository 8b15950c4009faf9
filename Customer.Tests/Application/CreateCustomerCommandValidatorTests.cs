using CustomerService.Application.Customers.Common;
using CustomerService.Application.Customers.CreateCustomer;
using FluentValidation.Results;

namespace CustomerService.Tests.Application;

public sealed class CreateCustomerCommandValidatorTests
{
    private readonly CreateCustomerCommandValidator _validator = new();

    private static CreateCustomerCommand Valid() => new()
    {
        Email = "John.Doe@Example.com",
        Password = "correct horse battery",
        FirstName = "John",
        LastName = "Doe",
        Status = "ACTIVE",
        Tags = ["VIP"],
        Addresses = [Address()],
    };

    private static AddressInput Address() => new()
    {
        Name = "Work",
        FirstName = "John",
        LastName = "Doe",
        Address1 = "1650 Bolman Court",
        Address2 = "Number 10",
        PostCode = "62701",
        City = "Springfield",
        State = "IL",
        Country = "US",
        Company = "Acme",
        Phone = "0217 555 0101",
        Instructions = "Leave at the door",
    };

    private static string[] Fields(ValidationResult result) => [.. result.Errors.Select(e => e.PropertyName)];

    [Test]
    public void AcceptsCompleteCommand()
    {
        Assert.That(_validator.Validate(Valid()).Errors, Is.Empty);
    }

    [Test]
    public void AcceptsCommandWithoutStatusTagsOrAddresses()
    {
        var command = Valid() with { Status = null, Tags = null, Addresses = null };

        Assert.That(_validator.Validate(command).Errors, Is.Empty);
    }

    // ---- email ----

    [Test]
    public void RejectsMissingEmail()
    {
        var result = _validator.Validate(Valid() with { Email = null });

        Assert.That(Fields(result), Is.EqualTo((string[])["email"]));
    }

    [TestCase("")]
    [TestCase("john.example.com")]
    [TestCase("john@doe@example.com")]
    [TestCase("@example.com")]
    [TestCase("john@localhost")]
    [TestCase("john@.example.com")]
    [TestCase("john@example.com.")]
    [TestCase("john@exa mple.com")]
    [TestCase("john@example.com\t")]
    public void RejectsMalformedEmailWithInvalidEmailCode(string email)
    {
        var result = _validator.Validate(Valid() with { Email = email });

        Assert.That(Fields(result), Is.EqualTo((string[])["email"]));
        Assert.That(result.Errors[0].ErrorCode, Is.EqualTo("customer_invalid_email"));
    }

    [Test]
    public void AcceptsEmailOfTwoHundredFiftyFourCharacters()
    {
        var email = new string('a', 64) + "@" + new string('b', 185) + ".com";

        Assert.That(_validator.Validate(Valid() with { Email = email }).Errors, Is.Empty);
    }

    [Test]
    public void RejectsEmailOfTwoHundredFiftyFiveCharacters()
    {
        var email = new string('a', 64) + "@" + new string('b', 186) + ".com";

        var result = _validator.Validate(Valid() with { Email = email });

        Assert.That(Fields(result), Is.EqualTo((string[])["email"]));
        Assert.That(result.Errors[0].ErrorCode, Is.EqualTo("customer_invalid_email"));
    }

    // ---- password ----

    [Test]
    public void RejectsMissingPassword()
    {
        var result = _validator.Validate(Valid() with { Password = null });

        Assert.That(Fields(result), Is.EqualTo((string[])["password"]));
    }

    [TestCase("")]
    [TestCase("1234567")]
    public void RejectsPasswordShorterThanEightCharacters(string password)
    {
        var result = _validator.Validate(Valid() with { Password = password });

        Assert.That(Fields(result), Is.EqualTo((string[])["password"]));
    }

    [TestCase(8)]
    [TestCase(256)]
    public void AcceptsPasswordOfAllowedLength(int length)
    {
        var result = _validator.Validate(Valid() with { Password = new string('p', length) });

        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void RejectsPasswordLongerThanTwoHundredFiftySixCharacters()
    {
        var result = _validator.Validate(Valid() with { Password = new string('p', 257) });

        Assert.That(Fields(result), Is.EqualTo((string[])["password"]));
    }

    [Test]
    public void PasswordProblemDoesNotEchoThePassword()
    {
        var result = _validator.Validate(Valid() with { Password = "s3cr3t!" });

        Assert.That(result.Errors[0].ErrorMessage, Does.Not.Contain("s3cr3t!"));
    }

    // ---- names ----

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Jo\u0000hn")]
    [TestCase("Jo\u0085hn")]
    public void RejectsMissingOrInvalidFirstName(string? firstName)
    {
        var result = _validator.Validate(Valid() with { FirstName = firstName });

        Assert.That(Fields(result), Is.EqualTo((string[])["firstName"]));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Do\re")]
    public void RejectsMissingOrInvalidLastName(string? lastName)
    {
        var result = _validator.Validate(Valid() with { LastName = lastName });

        Assert.That(Fields(result), Is.EqualTo((string[])["lastName"]));
    }

    [Test]
    public void AcceptsNamesOfOneHundredCharacters()
    {
        var name = new string('n', 100);

        Assert.That(_validator.Validate(Valid() with { FirstName = name, LastName = name }).Errors, Is.Empty);
    }

    [Test]
    public void RejectsNamesLongerThanOneHundredCharacters()
    {
        var name = new string('n', 101);

        var result = _validator.Validate(Valid() with { FirstName = name, LastName = name });

        Assert.That(Fields(result), Is.EquivalentTo((string[])["firstName", "lastName"]));
    }

    // ---- status ----

    [TestCase("INACTIVE")]
    [TestCase("ACTIVE")]
    public void AcceptsKnownStatus(string status)
    {
        Assert.That(_validator.Validate(Valid() with { Status = status }).Errors, Is.Empty);
    }

    [TestCase("inactive")]
    [TestCase("Active")]
    [TestCase("BLOCKED")]
    [TestCase("")]
    public void RejectsUnknownStatus(string status)
    {
        var result = _validator.Validate(Valid() with { Status = status });

        Assert.That(Fields(result), Is.EqualTo((string[])["status"]));
    }

    // ---- tags ----

    [Test]
    public void AcceptsFiftyTagsOfFiftyCharacters()
    {
        var tags = Enumerable.Range(0, 50).Select(i => i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture).PadRight(50, 't')).ToList();

        Assert.That(_validator.Validate(Valid() with { Tags = tags }).Errors, Is.Empty);
    }

    [Test]
    public void RejectsFiftyOneTags()
    {
        var tags = Enumerable.Range(0, 51).Select(i => $"t{i}").ToList();

        var result = _validator.Validate(Valid() with { Tags = tags });

        Assert.That(Fields(result), Is.EqualTo((string[])["tags"]));
    }

    [Test]
    public void RejectsTagLongerThanFiftyCharacters()
    {
        var result = _validator.Validate(Valid() with { Tags = ["a", "b", new string('t', 51)] });

        Assert.That(Fields(result), Is.EqualTo((string[])["tags[2]"]));
    }

    [TestCase("")]
    [TestCase("\t")]
    public void RejectsBlankTag(string tag)
    {
        var result = _validator.Validate(Valid() with { Tags = [tag] });

        Assert.That(Fields(result), Is.EqualTo((string[])["tags[0]"]));
    }

    // ---- addresses ----

    [TestCase("name")]
    [TestCase("firstName")]
    [TestCase("address_1")]
    [TestCase("postCode")]
    [TestCase("city")]
    [TestCase("state")]
    [TestCase("country")]
    public void RejectsAddressWithoutRequiredField(string field)
    {
        var result = _validator.Validate(Valid() with { Addresses = [Address(), WithMissing(Address(), field)] });

        Assert.That(Fields(result), Is.EqualTo((string[])[$"addresses[1].{field}"]));
    }

    [TestCase("name")]
    [TestCase("address_1")]
    [TestCase("city")]
    public void RejectsAddressWithBlankRequiredField(string field)
    {
        var blank = field switch
        {
            "name" => Address() with { Name = "  " },
            "address_1" => Address() with { Address1 = string.Empty },
            _ => Address() with { City = " " },
        };

        var result = _validator.Validate(Valid() with { Addresses = [blank] });

        Assert.That(Fields(result), Is.EqualTo((string[])[$"addresses[0].{field}"]));
    }

    [Test]
    public void AcceptsAddressWithoutOptionalFields()
    {
        var address = Address() with { LastName = null, Address2 = null, Company = null, Phone = null, Instructions = null };

        Assert.That(_validator.Validate(Valid() with { Addresses = [address] }).Errors, Is.Empty);
    }

    [Test]
    public void ReportsEveryMissingAddressFieldAtOnce()
    {
        var result = _validator.Validate(Valid() with { Addresses = [new AddressInput()] });

        Assert.That(
            Fields(result),
            Is.EquivalentTo((string[])[
                "addresses[0].name",
                "addresses[0].firstName",
                "addresses[0].address_1",
                "addresses[0].postCode",
                "addresses[0].city",
                "addresses[0].state",
                "addresses[0].country",
            ]));
    }

    [Test]
    public void RejectsNullAddress()
    {
        var result = _validator.Validate(Valid() with { Addresses = [Address(), null!] });

        Assert.That(Fields(result), Is.EqualTo((string[])["addresses[1]"]));
    }

    [Test]
    public void AcceptsTwentyAddresses()
    {
        var addresses = Enumerable.Range(0, 20).Select(_ => Address()).ToList();

        Assert.That(_validator.Validate(Valid() with { Addresses = addresses }).Errors, Is.Empty);
    }

    [Test]
    public void RejectsTwentyOneAddresses()
    {
        var addresses = Enumerable.Range(0, 21).Select(_ => Address()).ToList();

        var result = _validator.Validate(Valid() with { Addresses = addresses });

        Assert.That(Fields(result), Is.EqualTo((string[])["addresses"]));
    }

    // ---- all at once ----

    [Test]
    public void ReportsAllProblemsAtOnce()
    {
        var result = _validator.Validate(new CreateCustomerCommand
        {
            Email = "bad",
            Password = "short",
            FirstName = null,
            LastName = string.Empty,
            Status = "NOPE",
            Tags = [new string('t', 51)],
            Addresses = [Address() with { Address1 = null }],
        });

        Assert.That(
            Fields(result),
            Is.EquivalentTo((string[])[
                "email", "password", "firstName", "lastName", "status", "tags[0]", "addresses[0].address_1",
            ]));
        Assert.That(result.Errors.Single(e => e.PropertyName == "email").ErrorCode, Is.EqualTo("customer_invalid_email"));
    }

    private static AddressInput WithMissing(AddressInput address, string field) => field switch
    {
        "name" => address with { Name = null },
        "firstName" => address with { FirstName = null },
        "address_1" => address with { Address1 = null },
        "postCode" => address with { PostCode = null },
        "city" => address with { City = null },
        "state" => address with { State = null },
        "country" => address with { Country = null },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a required address field."),
    };
}
