using CustomerService.Application.Customers.ListCustomers;
using FluentValidation.Results;

namespace CustomerService.Tests.Application;

public sealed class ListCustomersQueryValidatorTests
{
    private readonly ListCustomersQueryValidator _validator = new();

    private static string[] Fields(ValidationResult result) => [.. result.Errors.Select(e => e.PropertyName)];

    private static List<string> Values(int count, Func<int, string> value) => [.. Enumerable.Range(0, count).Select(value)];

    private static ListCustomersQuery WithFilter(string filter, IReadOnlyList<string> values) => filter switch
    {
        "id" => new ListCustomersQuery { Id = values },
        "email" => new ListCustomersQuery { Email = values },
        "status" => new ListCustomersQuery { Status = values },
        "tags" => new ListCustomersQuery { Tags = values },
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Not a filter."),
    };

    private static string ValidValue(string filter, int i) => filter switch
    {
        "id" => $"id{i}",
        "email" => $"user{i}@example.com",
        "status" => i % 2 == 0 ? "ACTIVE" : "INACTIVE",
        _ => $"tag{i}",
    };

    [Test]
    public void AcceptsEmptyQuery()
    {
        Assert.That(_validator.Validate(new ListCustomersQuery()).Errors, Is.Empty);
    }

    [Test]
    public void AcceptsEveryFilterAndPagingWhenValid()
    {
        var query = new ListCustomersQuery
        {
            Id = ["AbCdEfGhIjKlMnOp", "QrStUvWxYz012345"],
            Email = ["John.Doe@Example.com"],
            Status = ["ACTIVE", "INACTIVE"],
            Tags = ["VIP", "gold"],
            Limit = 50,
            Skip = 20,
        };

        Assert.That(_validator.Validate(query).Errors, Is.Empty);
    }

    // ---- limit ----

    [TestCase(1)]
    [TestCase(10)]
    [TestCase(100)]
    public void AcceptsLimitFromOneToOneHundred(int limit)
    {
        Assert.That(_validator.Validate(new ListCustomersQuery { Limit = limit }).Errors, Is.Empty);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(101)]
    [TestCase(int.MinValue)]
    [TestCase(int.MaxValue)]
    public void RejectsLimitOutsideOneToOneHundred(int limit)
    {
        var result = _validator.Validate(new ListCustomersQuery { Limit = limit });

        Assert.That(Fields(result), Is.EqualTo((string[])["limit"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo("limit must be between 1 and 100"));
    }

    // ---- skip ----

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(int.MaxValue)]
    public void AcceptsSkipOfZeroOrMore(int skip)
    {
        Assert.That(_validator.Validate(new ListCustomersQuery { Skip = skip }).Errors, Is.Empty);
    }

    [TestCase(-1)]
    [TestCase(int.MinValue)]
    public void RejectsNegativeSkip(int skip)
    {
        var result = _validator.Validate(new ListCustomersQuery { Skip = skip });

        Assert.That(Fields(result), Is.EqualTo((string[])["skip"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo("skip must be at least 0"));
    }

    // ---- number of filter values ----

    [TestCase("id")]
    [TestCase("email")]
    [TestCase("status")]
    [TestCase("tags")]
    public void AcceptsOneHundredValuesInAFilter(string filter)
    {
        var result = _validator.Validate(WithFilter(filter, Values(100, i => ValidValue(filter, i))));

        Assert.That(result.Errors, Is.Empty);
    }

    [TestCase("id")]
    [TestCase("email")]
    [TestCase("status")]
    [TestCase("tags")]
    public void RejectsOneHundredOneValuesInAFilterWithOneMessage(string filter)
    {
        var result = _validator.Validate(WithFilter(filter, Values(101, i => ValidValue(filter, i))));

        Assert.That(Fields(result), Is.EqualTo((string[])[filter]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo($"{filter} must hold at most 100 values"));
    }

    [TestCase("id")]
    [TestCase("email")]
    [TestCase("status")]
    [TestCase("tags")]
    public void AcceptsEmptyFilter(string filter)
    {
        Assert.That(_validator.Validate(WithFilter(filter, [])).Errors, Is.Empty);
    }

    [TestCase("id")]
    [TestCase("email")]
    [TestCase("status")]
    [TestCase("tags")]
    public void RejectsBlankValueByItsIndex(string filter)
    {
        var result = _validator.Validate(WithFilter(filter, [ValidValue(filter, 0), "  "]));

        Assert.That(Fields(result), Is.EqualTo((string[])[$"{filter}[1]"]));
    }

    [TestCase("id")]
    [TestCase("email")]
    [TestCase("tags")]
    public void RejectsValueWithControlCharacter(string filter)
    {
        var result = _validator.Validate(WithFilter(filter, ["a\u0000b"]));

        Assert.That(Fields(result), Is.EqualTo((string[])[$"{filter}[0]"]));
    }

    // ---- status ----

    [TestCase("active")]
    [TestCase("Inactive")]
    [TestCase("DELETED")]
    [TestCase(" ACTIVE")]
    public void RejectsUnknownStatusValue(string status)
    {
        var result = _validator.Validate(new ListCustomersQuery { Status = ["ACTIVE", status] });

        Assert.That(Fields(result), Is.EqualTo((string[])["status[1]"]));
        Assert.That(result.Errors[0].ErrorMessage, Is.EqualTo("status[1] must be ACTIVE or INACTIVE"));
    }

    // ---- value lengths ----

    [Test]
    public void AcceptsIdOfSixtyFourCharacters()
    {
        Assert.That(_validator.Validate(new ListCustomersQuery { Id = [new string('i', 64)] }).Errors, Is.Empty);
    }

    [Test]
    public void RejectsIdLongerThanSixtyFourCharacters()
    {
        var result = _validator.Validate(new ListCustomersQuery { Id = ["ok", new string('i', 65)] });

        Assert.That(Fields(result), Is.EqualTo((string[])["id[1]"]));
    }

    [Test]
    public void AcceptsEmailOfTwoHundredFiftyFourCharacters()
    {
        var email = new string('a', 64) + "@" + new string('b', 185) + ".com";

        Assert.That(email, Has.Length.EqualTo(254));
        Assert.That(_validator.Validate(new ListCustomersQuery { Email = [email] }).Errors, Is.Empty);
    }

    [Test]
    public void RejectsEmailLongerThanTwoHundredFiftyFourCharacters()
    {
        var email = new string('a', 64) + "@" + new string('b', 186) + ".com";

        var result = _validator.Validate(new ListCustomersQuery { Email = [email] });

        Assert.That(Fields(result), Is.EqualTo((string[])["email[0]"]));
    }

    [Test]
    public void AcceptsTagOfFiftyCharacters()
    {
        Assert.That(_validator.Validate(new ListCustomersQuery { Tags = [new string('t', 50)] }).Errors, Is.Empty);
    }

    [Test]
    public void RejectsTagLongerThanFiftyCharacters()
    {
        var result = _validator.Validate(new ListCustomersQuery { Tags = [new string('t', 51)] });

        Assert.That(Fields(result), Is.EqualTo((string[])["tags[0]"]));
    }

    // ---- all at once ----

    [Test]
    public void ReportsAllProblemsAtOnce()
    {
        var result = _validator.Validate(new ListCustomersQuery
        {
            Id = [string.Empty],
            Email = Values(101, i => $"u{i}@example.com"),
            Status = ["ACTIVE", "gone", "INACTIVE", "x"],
            Tags = [new string('t', 51)],
            Limit = 0,
            Skip = -1,
        });

        Assert.That(
            Fields(result),
            Is.EquivalentTo((string[])["limit", "skip", "id[0]", "email", "status[1]", "status[3]", "tags[0]"]));
    }
}
