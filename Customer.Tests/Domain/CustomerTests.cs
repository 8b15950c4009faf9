using System.Text.RegularExpressions;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Domain;

public sealed partial class CustomerTests
{
    private static readonly DateTime Later = CustomerBuilder.RegisteredAt.AddHours(3);

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex UrlSafe();

    // ---- Register ----

    [Test]
    public void RegisterSetsVersionOneAndBothTimestampsToNow()
    {
        var customer = new CustomerBuilder().Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Version, Is.EqualTo(1));
            Assert.That(customer.CreatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void RegisterStoresEveryGivenValue()
    {
        var customer = new CustomerBuilder()
            .WithPasswordHash("the-hash")
            .WithNames("Ann", "Lee")
            .WithStatus(CustomerStatus.Inactive)
            .WithTags("gold", "eu")
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.PasswordHash, Is.EqualTo("the-hash"));
            Assert.That(customer.FirstName, Is.EqualTo("Ann"));
            Assert.That(customer.LastName, Is.EqualTo("Lee"));
            Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Inactive));
            Assert.That(customer.Tags, Is.EqualTo((string[])["gold", "eu"]));
            Assert.That(customer.Addresses, Is.Empty);
        }
    }

    [Test]
    public void RegisterKeepsEmailAsWrittenAndNormalizesItToLowerCase()
    {
        var customer = new CustomerBuilder().WithEmail("Mixed.Case@Example.COM").Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Email, Is.EqualTo("Mixed.Case@Example.COM"));
            Assert.That(customer.NormalizedEmail, Is.EqualTo("mixed.case@example.com"));
        }
    }

    [Test]
    public void RegisterTrimsNames()
    {
        var customer = new CustomerBuilder().WithNames("  Ann ", "\tLee  ").Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.FirstName, Is.EqualTo("Ann"));
            Assert.That(customer.LastName, Is.EqualTo("Lee"));
        }
    }

    [Test]
    public void RegisterGivesUrlSafeDistinctIds()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => new CustomerBuilder().Build().Id).ToList();

        Assert.That(ids, Has.All.Matches(UrlSafe()));
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void RegisterGivesAddressesUrlSafeDistinctIds()
    {
        var addresses = Enumerable.Range(0, 20).Select(i => CustomerBuilder.Address($"A{i}")).ToArray();

        var ids = new CustomerBuilder().WithAddresses(addresses).Build().Addresses.Select(a => a.Id).ToList();

        Assert.That(ids, Has.Count.EqualTo(20));
        Assert.That(ids, Has.All.Matches(UrlSafe()));
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void RegisterCollapsesDuplicateTags()
    {
        var customer = new CustomerBuilder().WithTags("b", "a", "b", "c", "a").Build();

        Assert.That(customer.Tags, Is.EqualTo((string[])["b", "a", "c"]));
    }

    [Test]
    public void RegisterKeepsAddressesInGivenOrder()
    {
        var customer = new CustomerBuilder()
            .WithAddresses(CustomerBuilder.Address("Work"), CustomerBuilder.Address("Home"), CustomerBuilder.Address("Cabin"))
            .Build();

        Assert.That(customer.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Work", "Home", "Cabin"]));
        Assert.That(customer.Addresses.Select(a => a.Position), Is.Ordered.Ascending.And.Unique);
    }

    [Test]
    public void RegisterRejectsMoreThanTwentyAddresses()
    {
        var addresses = Enumerable.Range(0, 21).Select(i => CustomerBuilder.Address($"A{i}")).ToArray();

        var ex = Assert.Throws<DomainRuleViolationException>(() => new CustomerBuilder().WithAddresses(addresses).Build());

        Assert.That(ex.Field, Is.EqualTo("addresses"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Jo\u0000hn")]
    [TestCase("Jo\nhn")]
    [TestCase("Jo\u007Fhn")]
    public void RegisterRejectsInvalidFirstName(string firstName)
    {
        var ex = Assert.Throws<DomainRuleViolationException>(() => new CustomerBuilder().WithNames(firstName, "Doe").Build());

        Assert.That(ex.Field, Is.EqualTo("firstName"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("D\u0001oe")]
    public void RegisterRejectsInvalidLastName(string lastName)
    {
        var ex = Assert.Throws<DomainRuleViolationException>(() => new CustomerBuilder().WithNames("John", lastName).Build());

        Assert.That(ex.Field, Is.EqualTo("lastName"));
    }

    [Test]
    public void RegisterRejectsNameLongerThanOneHundredCharacters()
    {
        var ex = Assert.Throws<DomainRuleViolationException>(
            () => new CustomerBuilder().WithNames(new string('a', 101), "Doe").Build());

        Assert.That(ex.Field, Is.EqualTo("firstName"));
    }

    [Test]
    public void RegisterAcceptsNameOfOneHundredCharactersAfterTrimming()
    {
        var name = new string('a', 100);

        var customer = new CustomerBuilder().WithNames("  " + name + "  ", "Doe").Build();

        Assert.That(customer.FirstName, Is.EqualTo(name));
    }

    [Test]
    public void RegisterRejectsEmptyPasswordHash()
    {
        Assert.Throws<ArgumentException>(() => new CustomerBuilder().WithPasswordHash(string.Empty).Build());
    }

    // ---- Rename ----

    [Test]
    public void RenameChangesBothNamesAndUpdatedAt()
    {
        var customer = new CustomerBuilder().Build();

        var changed = customer.Rename("Ann", "Lee", Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(customer.FirstName, Is.EqualTo("Ann"));
            Assert.That(customer.LastName, Is.EqualTo("Lee"));
            Assert.That(customer.UpdatedAt, Is.EqualTo(Later));
            Assert.That(customer.CreatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void RenameStoresTrimmedNames()
    {
        var customer = new CustomerBuilder().Build();

        customer.Rename("  Ann  ", " Lee ", Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.FirstName, Is.EqualTo("Ann"));
            Assert.That(customer.LastName, Is.EqualTo("Lee"));
        }
    }

    [Test]
    public void RenameKeepsNameGivenAsNull()
    {
        var customer = new CustomerBuilder().WithNames("John", "Doe").Build();

        var changed = customer.Rename(null, "Lee", Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(customer.FirstName, Is.EqualTo("John"));
            Assert.That(customer.LastName, Is.EqualTo("Lee"));
        }
    }

    [TestCase("John", "Doe")]
    [TestCase(null, null)]
    [TestCase("John", null)]
    [TestCase("  John ", " Doe ")]
    public void RenameReturnsFalseAndLeavesUpdatedAtGivenSameNames(string? firstName, string? lastName)
    {
        var customer = new CustomerBuilder().WithNames("John", "Doe").Build();

        var changed = customer.Rename(firstName, lastName, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(customer.FirstName, Is.EqualTo("John"));
            Assert.That(customer.LastName, Is.EqualTo("Doe"));
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("A\u0000nn")]
    [TestCase("Ann\r\nLee")]
    public void RenameRejectsInvalidNameAndChangesNothing(string lastName)
    {
        var customer = new CustomerBuilder().WithNames("John", "Doe").Build();

        var ex = Assert.Throws<DomainRuleViolationException>(() => customer.Rename("Ann", lastName, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo("lastName"));
            Assert.That(customer.FirstName, Is.EqualTo("John"));
            Assert.That(customer.LastName, Is.EqualTo("Doe"));
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void RenameRejectsNameLongerThanOneHundredCharacters()
    {
        var customer = new CustomerBuilder().Build();

        var ex = Assert.Throws<DomainRuleViolationException>(() => customer.Rename(new string('x', 101), null, Later));

        Assert.That(ex.Field, Is.EqualTo("firstName"));
    }

    [Test]
    public void RenameAcceptsNameOfOneHundredCharacters()
    {
        var customer = new CustomerBuilder().Build();
        var name = new string('x', 100);

        customer.Rename(name, null, Later);

        Assert.That(customer.FirstName, Is.EqualTo(name));
    }

    // ---- ChangeEmail ----

    [Test]
    public void ChangeEmailStoresNewEmailAndItsNormalizedForm()
    {
        var customer = new CustomerBuilder().WithEmail("old@example.com").Build();

        var changed = customer.ChangeEmail(EmailAddress.Create("New.Address@Example.org"), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(customer.Email, Is.EqualTo("New.Address@Example.org"));
            Assert.That(customer.NormalizedEmail, Is.EqualTo("new.address@example.org"));
            Assert.That(customer.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void ChangeEmailAcceptsCaseOnlyChangeAndKeepsClientCasing()
    {
        var customer = new CustomerBuilder().WithEmail("john@example.com").Build();

        var changed = customer.ChangeEmail(EmailAddress.Create("JOHN@Example.com"), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(customer.Email, Is.EqualTo("JOHN@Example.com"));
            Assert.That(customer.NormalizedEmail, Is.EqualTo("john@example.com"));
            Assert.That(customer.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void ChangeEmailReturnsFalseAndLeavesUpdatedAtGivenSameEmail()
    {
        var customer = new CustomerBuilder().WithEmail("john@example.com").Build();

        var changed = customer.ChangeEmail(EmailAddress.Create("john@example.com"), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    // ---- SetStatus ----

    [Test]
    public void SetStatusChangesStatusAndUpdatedAt()
    {
        var customer = new CustomerBuilder().WithStatus(CustomerStatus.Active).Build();

        var changed = customer.SetStatus(CustomerStatus.Inactive, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Inactive));
            Assert.That(customer.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void SetStatusReturnsFalseAndLeavesUpdatedAtGivenSameStatus()
    {
        var customer = new CustomerBuilder().WithStatus(CustomerStatus.Inactive).Build();

        var changed = customer.SetStatus(CustomerStatus.Inactive, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void SetStatusRejectsUndefinedStatus()
    {
        var customer = new CustomerBuilder().Build();

        var ex = Assert.Throws<DomainRuleViolationException>(() => customer.SetStatus((CustomerStatus)42, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo("status"));
            Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Active));
        }
    }

    // ---- ReplaceTags ----

    [Test]
    public void ReplaceTagsCollapsesDuplicatesKeepingFirstOrder()
    {
        var customer = new CustomerBuilder().WithTags("VIP").Build();

        var changed = customer.ReplaceTags(["b", "a", "b", "c", "a"], Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(customer.Tags, Is.EqualTo((string[])["b", "a", "c"]));
            Assert.That(customer.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void ReplaceTagsStoresTrimmedTags()
    {
        var customer = new CustomerBuilder().WithTags("VIP").Build();

        customer.ReplaceTags([" gold ", "gold", "eu  "], Later);

        Assert.That(customer.Tags, Is.EqualTo((string[])["gold", "eu"]));
    }

    [Test]
    public void ReplaceTagsClearsTagsGivenEmptyList()
    {
        var customer = new CustomerBuilder().WithTags("VIP", "gold").Build();

        var changed = customer.ReplaceTags([], Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(customer.Tags, Is.Empty);
        }
    }

    [Test]
    public void ReplaceTagsReturnsFalseAndLeavesUpdatedAtGivenSameTags()
    {
        var customer = new CustomerBuilder().WithTags("VIP", "gold").Build();

        var changed = customer.ReplaceTags(["VIP", "gold", "VIP"], Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(customer.Tags, Is.EqualTo((string[])["VIP", "gold"]));
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void ReplaceTagsTreatsReorderingAsChange()
    {
        var customer = new CustomerBuilder().WithTags("VIP", "gold").Build();

        var changed = customer.ReplaceTags(["gold", "VIP"], Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(customer.Tags, Is.EqualTo((string[])["gold", "VIP"]));
        }
    }

    [Test]
    public void ReplaceTagsAcceptsFiftyTags()
    {
        var customer = new CustomerBuilder().Build();
        var tags = Enumerable.Range(0, 50).Select(i => $"t{i}").ToList();

        customer.ReplaceTags(tags, Later);

        Assert.That(customer.Tags, Is.EqualTo(tags));
    }

    [Test]
    public void ReplaceTagsRejectsFiftyOneTagsAndChangesNothing()
    {
        var customer = new CustomerBuilder().WithTags("VIP").Build();
        var tags = Enumerable.Range(0, 51).Select(i => $"t{i}").ToList();

        var ex = Assert.Throws<DomainRuleViolationException>(() => customer.ReplaceTags(tags, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo("tags"));
            Assert.That(customer.Tags, Is.EqualTo((string[])["VIP"]));
        }
    }

    [Test]
    public void ReplaceTagsAcceptsTagOfFiftyCharacters()
    {
        var customer = new CustomerBuilder().Build();
        var tag = new string('t', 50);

        customer.ReplaceTags([tag], Later);

        Assert.That(customer.Tags, Is.EqualTo((string[])[tag]));
    }

    [Test]
    public void ReplaceTagsRejectsTagLongerThanFiftyCharacters()
    {
        var customer = new CustomerBuilder().Build();

        var ex = Assert.Throws<DomainRuleViolationException>(() => customer.ReplaceTags(["a", "b", new string('t', 51)], Later));

        Assert.That(ex.Field, Is.EqualTo("tags[2]"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("v\u0000ip")]
    [TestCase("v\tip")]
    public void ReplaceTagsRejectsInvalidTagAndChangesNothing(string tag)
    {
        var customer = new CustomerBuilder().WithTags("VIP").Build();

        var ex = Assert.Throws<DomainRuleViolationException>(() => customer.ReplaceTags(["ok", tag], Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo("tags[1]"));
            Assert.That(customer.Tags, Is.EqualTo((string[])["VIP"]));
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    // ---- AddAddress ----

    [Test]
    public void AddAddressStoresEveryFieldAndUpdatesUpdatedAt()
    {
        var customer = new CustomerBuilder().Build();
        var details = CustomerBuilder.Address();

        var address = customer.AddAddress(details, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Addresses, Is.EqualTo((Address[])[address]));
            Assert.That(address.Details, Is.EqualTo(details));
            Assert.That(address.Address1, Is.EqualTo("1650 Bolman Court"));
            Assert.That(address.Address2, Is.EqualTo("Number 10"));
            Assert.That(address.Id, Does.Match(UrlSafe()));
            Assert.That(customer.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void AddAddressTrimsFieldsAndClearsBlankOptionalFields()
    {
        var customer = new CustomerBuilder().Build();
        var details = CustomerBuilder.Address() with
        {
            Name = " Work ",
            City = "  Springfield",
            LastName = "   ",
            Company = string.Empty,
            Phone = " 555 ",
        };

        var address = customer.AddAddress(details, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(address.Name, Is.EqualTo("Work"));
            Assert.That(address.City, Is.EqualTo("Springfield"));
            Assert.That(address.LastName, Is.Null);
            Assert.That(address.Company, Is.Null);
            Assert.That(address.Phone, Is.EqualTo("555"));
        }
    }

    [TestCase("name")]
    [TestCase("firstName")]
    [TestCase("address_1")]
    [TestCase("postCode")]
    [TestCase("city")]
    [TestCase("state")]
    [TestCase("country")]
    public void AddAddressRejectsMissingRequiredField(string field)
    {
        var customer = new CustomerBuilder().WithAddresses(CustomerBuilder.Address("First")).Build();

        var ex = Assert.Throws<DomainRuleViolationException>(
            () => customer.AddAddress(WithBlank(CustomerBuilder.Address(), field), Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo($"addresses[1].{field}"));
            Assert.That(customer.Addresses, Has.Count.EqualTo(1));
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void AddAddressAcceptsMissingOptionalFields()
    {
        var customer = new CustomerBuilder().Build();
        var details = CustomerBuilder.Address() with
        {
            LastName = null,
            Address2 = null,
            Company = null,
            Phone = null,
            Instructions = null,
        };

        var address = customer.AddAddress(details, Later);

        Assert.That(address.Details, Is.EqualTo(details));
    }

    [Test]
    public void AddAddressRejectsControlCharacters()
    {
        var customer = new CustomerBuilder().Build();

        var ex = Assert.Throws<DomainRuleViolationException>(
            () => customer.AddAddress(CustomerBuilder.Address() with { City = "Spring\u0000field" }, Later));

        Assert.That(ex.Field, Is.EqualTo("addresses[0].city"));
    }

    [Test]
    public void AddAddressAcceptsTwentiethAddressAndRejectsTwentyFirst()
    {
        var customer = new CustomerBuilder().Build();
        for (var i = 0; i < 20; i++)
        {
            customer.AddAddress(CustomerBuilder.Address($"A{i}"), Later);
        }

        var ex = Assert.Throws<DomainRuleViolationException>(() => customer.AddAddress(CustomerBuilder.Address("A20"), Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo("addresses"));
            Assert.That(customer.Addresses, Has.Count.EqualTo(20));
        }
    }

    [Test]
    public void AddAddressKeepsInsertionOrder()
    {
        var customer = new CustomerBuilder().Build();

        customer.AddAddress(CustomerBuilder.Address("Work"), Later);
        customer.AddAddress(CustomerBuilder.Address("Home"), Later);
        customer.AddAddress(CustomerBuilder.Address("Cabin"), Later);

        Assert.That(customer.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Work", "Home", "Cabin"]));
        Assert.That(customer.Addresses.Select(a => a.Position), Is.Ordered.Ascending.And.Unique);
    }

    private static AddressDetails WithBlank(AddressDetails details, string field) => field switch
    {
        "name" => details with { Name = string.Empty },
        "firstName" => details with { FirstName = "  " },
        "address_1" => details with { Address1 = string.Empty },
        "postCode" => details with { PostCode = " " },
        "city" => details with { City = string.Empty },
        "state" => details with { State = string.Empty },
        "country" => details with { Country = string.Empty },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a required address field."),
    };
}
