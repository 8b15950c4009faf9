using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Tests.Domain;

public sealed class EmailAddressTests
{
    /// <summary>64-character local part, '@', and a 185-character label plus ".com": 254 characters in all.</summary>
    private static readonly string LongestValid = new string('a', 64) + "@" + new string('b', 185) + ".com";

    [TestCase("john.example.com", TestName = "CheckRejectsAddressWithoutAt")]
    [TestCase("john@doe@example.com", TestName = "CheckRejectsAddressWithTwoAts")]
    [TestCase("@example.com", TestName = "CheckRejectsEmptyLocalPart")]
    [TestCase("john@localhost", TestName = "CheckRejectsDomainWithoutDot")]
    [TestCase("john@.example.com", TestName = "CheckRejectsDomainWithLeadingDot")]
    [TestCase("john@example.com.", TestName = "CheckRejectsDomainWithTrailingDot")]
    [TestCase("john@", TestName = "CheckRejectsEmptyDomain")]
    [TestCase("john doe@example.com", TestName = "CheckRejectsSpaceInLocalPart")]
    [TestCase("john@exa mple.com", TestName = "CheckRejectsSpaceInDomain")]
    [TestCase(" john@example.com", TestName = "CheckRejectsLeadingSpace")]
    [TestCase("john@example.com ", TestName = "CheckRejectsTrailingSpace")]
    [TestCase("jo\u0000hn@example.com", TestName = "CheckRejectsNulCharacter")]
    [TestCase("john@example.com\n", TestName = "CheckRejectsTrailingNewline")]
    [TestCase("jo\u007Fhn@example.com", TestName = "CheckRejectsDeleteCharacter")]
    [TestCase("", TestName = "CheckRejectsEmptyString")]
    [TestCase(null, TestName = "CheckRejectsNull")]
    public void CheckRejectsBadAddress(string? value)
    {
        Assert.That(EmailAddress.Check(value), Is.Not.Null);
    }

    [TestCase("john@example.com")]
    [TestCase("a@b.co")]
    [TestCase("John.Doe+newsletter@Mail.Example.co.uk")]
    [TestCase("first_last-1@sub-domain.example.org")]
    public void CheckAcceptsGoodAddress(string value)
    {
        Assert.That(EmailAddress.Check(value), Is.Null);
    }

    [Test]
    public void CheckAcceptsAddressOfTwoHundredFiftyFourCharacters()
    {
        Assert.That(LongestValid, Has.Length.EqualTo(254));
        Assert.That(EmailAddress.Check(LongestValid), Is.Null);
    }

    [Test]
    public void CheckRejectsAddressOfTwoHundredFiftyFiveCharacters()
    {
        var tooLong = "a" + LongestValid;

        Assert.That(tooLong, Has.Length.EqualTo(255));
        Assert.That(EmailAddress.Check(tooLong), Is.Not.Null);
    }

    [Test]
    public void CreateKeepsValueAsWrittenAndNormalizesToLowerCase()
    {
        var email = EmailAddress.Create("John.DOE@Example.COM");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(email.Value, Is.EqualTo("John.DOE@Example.COM"));
            Assert.That(email.Normalized, Is.EqualTo("john.doe@example.com"));
        }
    }

    [Test]
    public void AddressesDifferingOnlyInCaseHaveSameNormalizedForm()
    {
        Assert.That(
            EmailAddress.Create("JOHN@EXAMPLE.COM").Normalized,
            Is.EqualTo(EmailAddress.Create("john@example.com").Normalized));
    }

    [TestCase("")]
    [TestCase("no-at-sign")]
    [TestCase("john@localhost")]
    public void CreateRejectsBadAddressWithInvalidEmailCode(string value)
    {
        var ex = Assert.Throws<DomainRuleViolationException>(() => EmailAddress.Create(value));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo("email"));
            Assert.That(ex.Code, Is.EqualTo("customer_invalid_email"));
        }
    }
}
