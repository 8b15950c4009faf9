using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Domain;

/// <summary>The address rules of the Customer aggregate: find, partial update, removal, order and the limit of twenty.</summary>
public sealed class CustomerAddressTests
{
    private static readonly DateTime Later = CustomerBuilder.RegisteredAt.AddHours(3);

    private static Customer WithAddresses(params string[] names) =>
        new CustomerBuilder().WithAddresses([.. names.Select(n => CustomerBuilder.Address(n))]).Build();

    // ---- FindAddress ----

    [Test]
    public void FindAddressReturnsTheAddressWithThatId()
    {
        var customer = WithAddresses("Work", "Home");
        var home = customer.Addresses[1];

        Assert.That(customer.FindAddress(home.Id), Is.SameAs(home));
    }

    [Test]
    public void FindAddressReturnsNullGivenUnknownId()
    {
        var customer = WithAddresses("Work");

        Assert.That(customer.FindAddress("no-such-address"), Is.Null);
    }

    [Test]
    public void FindAddressDoesNotMatchIdInAnotherCase()
    {
        var customer = WithAddresses("Work");
        var id = customer.Addresses[0].Id;
        var otherCase = new string([.. id.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]);
        Assume.That(otherCase, Is.Not.EqualTo(id), "the random id has letters");

        Assert.That(customer.FindAddress(otherCase), Is.Null);
    }

    // ---- UpdateAddress ----

    [Test]
    public void UpdateAddressChangesGivenFieldsKeepsTheOthersAndUpdatesUpdatedAt()
    {
        var customer = WithAddresses("Work");
        var address = customer.Addresses[0];
        var before = address.Details;

        var changed = customer.UpdateAddress(address.Id, new AddressPatch(City: "Shelbyville", Phone: "0217 555 0199"), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(address.Details, Is.EqualTo(before with { City = "Shelbyville", Phone = "0217 555 0199" }));
            Assert.That(customer.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void UpdateAddressChangesEveryFieldGivenAFullPatch()
    {
        var customer = WithAddresses("Work");
        var address = customer.Addresses[0];
        var patch = new AddressPatch("Home", "Jane", "Roe", "12 Harbour Street", "Flat 3", "SW1A 1AA", "London", "Greater London", "GB", "Initech", "020", "Ring");

        var changed = customer.UpdateAddress(address.Id, patch, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(address.Details, Is.EqualTo(new AddressDetails(
                "Home", "Jane", "Roe", "12 Harbour Street", "Flat 3", "SW1A 1AA", "London", "Greater London", "GB", "Initech", "020", "Ring")));
        }
    }

    [Test]
    public void UpdateAddressKeepsIdAndPosition()
    {
        var customer = WithAddresses("Work", "Home");
        var home = customer.Addresses[1];
        var (id, position) = (home.Id, home.Position);

        customer.UpdateAddress(home.Id, new AddressPatch(Name: "Cabin"), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(home.Id, Is.EqualTo(id));
            Assert.That(home.Position, Is.EqualTo(position));
            Assert.That(customer.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Work", "Cabin"]));
        }
    }

    [Test]
    public void UpdateAddressLeavesOtherAddressesUnchanged()
    {
        var customer = WithAddresses("Work", "Home", "Cabin");
        var before = customer.Addresses.Select(a => a.Details).ToList();

        customer.UpdateAddress(customer.Addresses[1].Id, new AddressPatch(City: "Shelbyville"), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Addresses[0].Details, Is.EqualTo(before[0]));
            Assert.That(customer.Addresses[1].City, Is.EqualTo("Shelbyville"));
            Assert.That(customer.Addresses[2].Details, Is.EqualTo(before[2]));
        }
    }

    [Test]
    public void UpdateAddressTrimsGivenValues()
    {
        var customer = WithAddresses("Work");
        var address = customer.Addresses[0];

        customer.UpdateAddress(address.Id, new AddressPatch(Name: "  Home ", Company: " Initech  "), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(address.Name, Is.EqualTo("Home"));
            Assert.That(address.Company, Is.EqualTo("Initech"));
        }
    }

    [TestCase("lastName", "")]
    [TestCase("address_2", "")]
    [TestCase("company", "")]
    [TestCase("phone", "")]
    [TestCase("instructions", "")]
    [TestCase("lastName", "   ")]
    [TestCase("instructions", " \t ")]
    public void UpdateAddressClearsOptionalFieldGivenEmptyString(string field, string value)
    {
        var customer = WithAddresses("Work");
        var address = customer.Addresses[0];
        Assert.That(Value(address.Details, field), Is.Not.Null, "precondition: the field is filled");

        var changed = customer.UpdateAddress(address.Id, Patch(field, value), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(Value(address.Details, field), Is.Null);
            Assert.That(customer.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [TestCase("name", "")]
    [TestCase("firstName", "")]
    [TestCase("address_1", "")]
    [TestCase("postCode", "")]
    [TestCase("city", "")]
    [TestCase("state", "")]
    [TestCase("country", "")]
    [TestCase("name", "   ")]
    [TestCase("country", "\t")]
    public void UpdateAddressRejectsBlankRequiredFieldAndChangesNothing(string field, string value)
    {
        var customer = WithAddresses("Work");
        var address = customer.Addresses[0];
        var before = address.Details;

        // A valid change travels with the blank one: it must not be applied either.
        var patch = Patch(field, value) with { Phone = "0999 000" };

        var ex = Assert.Throws<DomainRuleViolationException>(() => customer.UpdateAddress(address.Id, patch, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo($"address.{field}"));
            Assert.That(ex.Message, Does.StartWith($"address.{field} "));
            Assert.That(address.Details, Is.EqualTo(before));
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.FieldLimits))]
    public void UpdateAddressAcceptsValueOfMaximumLength(string field, int maxLength)
    {
        var customer = WithAddresses("Work");
        var address = customer.Addresses[0];
        var value = new string('x', maxLength);

        var changed = customer.UpdateAddress(address.Id, Patch(field, value), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.True);
            Assert.That(Value(address.Details, field), Is.EqualTo(value));
        }
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.FieldLimits))]
    public void UpdateAddressRejectsValueLongerThanMaximumAndChangesNothing(string field, int maxLength)
    {
        var customer = WithAddresses("Work");
        var address = customer.Addresses[0];
        var before = address.Details;

        var ex = Assert.Throws<DomainRuleViolationException>(
            () => customer.UpdateAddress(address.Id, Patch(field, new string('x', maxLength + 1)), Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo($"address.{field}"));
            Assert.That(address.Details, Is.EqualTo(before));
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void UpdateAddressRejectsControlCharacters()
    {
        var customer = WithAddresses("Work");
        var address = customer.Addresses[0];

        var ex = Assert.Throws<DomainRuleViolationException>(
            () => customer.UpdateAddress(address.Id, new AddressPatch(Instructions: "Ring\u0007twice"), Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo("address.instructions"));
            Assert.That(address.Instructions, Is.EqualTo("Leave at the door"));
        }
    }

    [Test]
    public void UpdateAddressReturnsFalseGivenUnknownAddress()
    {
        var customer = WithAddresses("Work");
        var before = customer.Addresses[0].Details;

        var changed = customer.UpdateAddress("no-such-address", new AddressPatch(City: "Shelbyville"), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(customer.Addresses[0].Details, Is.EqualTo(before));
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void UpdateAddressReturnsFalseAndLeavesUpdatedAtGivenEmptyPatch()
    {
        var customer = WithAddresses("Work");

        var changed = customer.UpdateAddress(customer.Addresses[0].Id, new AddressPatch(), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void UpdateAddressReturnsFalseGivenCurrentValuesWithSurroundingBlanks()
    {
        var customer = WithAddresses("Work");

        var changed = customer.UpdateAddress(customer.Addresses[0].Id, new AddressPatch(Name: " Work ", City: "Springfield  "), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void UpdateAddressReturnsFalseGivenEmptyStringForAlreadyEmptyOptionalField()
    {
        var customer = new CustomerBuilder().WithAddresses(CustomerBuilder.Address() with { Company = null }).Build();

        var changed = customer.UpdateAddress(customer.Addresses[0].Id, new AddressPatch(Company: string.Empty), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That(customer.Addresses[0].Company, Is.Null);
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void UpdateAddressRejectsNullPatch()
    {
        var customer = WithAddresses("Work");

        Assert.Throws<ArgumentNullException>(() => customer.UpdateAddress(customer.Addresses[0].Id, null!, Later));
    }

    // ---- AddressPatch ----

    [Test]
    public void AddressPatchWithoutValuesKeepsEveryField()
    {
        var current = CustomerBuilder.Address();

        Assert.That(new AddressPatch().ApplyTo(current), Is.EqualTo(current));
    }

    [Test]
    public void AddressPatchReplacesEveryFieldItSets()
    {
        var patch = new AddressPatch("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");

        Assert.That(patch.ApplyTo(CustomerBuilder.Address()), Is.EqualTo(new AddressDetails("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l")));
    }

    [Test]
    public void AddressPatchKeepsEmptyStringForTheAggregateToJudge()
    {
        var patched = new AddressPatch(Name: string.Empty, Company: string.Empty).ApplyTo(CustomerBuilder.Address());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(patched.Name, Is.Empty);
            Assert.That(patched.Company, Is.Empty);
            Assert.That(patched.City, Is.EqualTo("Springfield"));
        }
    }

    // ---- RemoveAddress ----

    [Test]
    public void RemoveAddressRemovesItKeepsTheOthersInOrderAndUpdatesUpdatedAt()
    {
        var customer = WithAddresses("Work", "Home", "Cabin", "Office");

        var removed = customer.RemoveAddress(customer.Addresses[1].Id, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(removed, Is.True);
            Assert.That(customer.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Work", "Cabin", "Office"]));
            Assert.That(customer.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void RemoveAddressLeavesPositionsOfTheOthersUnchanged()
    {
        var customer = WithAddresses("Work", "Home", "Cabin");
        var positions = customer.Addresses.ToDictionary(a => a.Id, a => a.Position);

        customer.RemoveAddress(customer.Addresses[0].Id, Later);

        Assert.That(customer.Addresses.Select(a => a.Position), Is.EqualTo(customer.Addresses.Select(a => positions[a.Id])));
    }

    [Test]
    public void RemoveAddressReturnsFalseAndChangesNothingGivenUnknownAddress()
    {
        var customer = WithAddresses("Work", "Home");
        var ids = customer.Addresses.Select(a => a.Id).ToList();

        var removed = customer.RemoveAddress("no-such-address", Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(removed, Is.False);
            Assert.That(customer.Addresses.Select(a => a.Id), Is.EqualTo(ids));
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void RemoveAddressReturnsFalseTheSecondTime()
    {
        var customer = WithAddresses("Work", "Home");
        var id = customer.Addresses[0].Id;
        customer.RemoveAddress(id, Later);

        var again = customer.RemoveAddress(id, Later.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.False);
            Assert.That(customer.Addresses, Has.Count.EqualTo(1));
            Assert.That(customer.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void RemoveAddressCanRemoveTheLastOne()
    {
        var customer = WithAddresses("Work");

        var removed = customer.RemoveAddress(customer.Addresses[0].Id, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(removed, Is.True);
            Assert.That(customer.Addresses, Is.Empty);
        }
    }

    // ---- AddAddress: order and limit ----

    [Test]
    public void AddAddressAfterRemovingFromTheMiddleGoesLast()
    {
        var customer = WithAddresses("Work", "Home", "Cabin");
        customer.RemoveAddress(customer.Addresses[1].Id, Later);

        var added = customer.AddAddress(CustomerBuilder.Address("Office"), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Work", "Cabin", "Office"]));
            Assert.That(added.Position, Is.GreaterThan(customer.Addresses[1].Position));
            Assert.That(customer.Addresses.Select(a => a.Position), Is.Ordered.Ascending.And.Unique);
        }
    }

    [Test]
    public void AddAddressAfterRemovingTheFirstKeepsPositionsUniqueAndOrdered()
    {
        var customer = WithAddresses("Work", "Home");
        customer.RemoveAddress(customer.Addresses[0].Id, Later);

        customer.AddAddress(CustomerBuilder.Address("Cabin"), Later);
        customer.AddAddress(CustomerBuilder.Address("Office"), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Home", "Cabin", "Office"]));
            Assert.That(customer.Addresses.Select(a => a.Position), Is.Ordered.Ascending.And.Unique);
        }
    }

    [Test]
    public void AddAddressAfterRemovingEverythingStartsAgain()
    {
        var customer = WithAddresses("Work", "Home");
        foreach (var id in customer.Addresses.Select(a => a.Id).ToList())
        {
            customer.RemoveAddress(id, Later);
        }

        customer.AddAddress(CustomerBuilder.Address("Cabin"), Later);
        customer.AddAddress(CustomerBuilder.Address("Office"), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Cabin", "Office"]));
            Assert.That(customer.Addresses.Select(a => a.Position), Is.Ordered.Ascending.And.Unique);
        }
    }

    [Test]
    public void AddAddressRejectsTheTwentyFirstWithFieldAddressesAndChangesNothing()
    {
        var customer = WithAddresses([.. Enumerable.Range(0, 20).Select(i => $"A{i}")]);

        var ex = Assert.Throws<DomainRuleViolationException>(() => customer.AddAddress(CustomerBuilder.Address("A20"), Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo("addresses"));
            Assert.That(customer.Addresses, Has.Count.EqualTo(20));
            Assert.That(customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }
    }

    [Test]
    public void AddAddressAcceptsANewOneAfterRemovingFromTwenty()
    {
        var customer = WithAddresses([.. Enumerable.Range(0, 20).Select(i => $"A{i}")]);
        customer.RemoveAddress(customer.Addresses[5].Id, Later);

        var added = customer.AddAddress(CustomerBuilder.Address("A20"), Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer.Addresses, Has.Count.EqualTo(20));
            Assert.That(customer.Addresses[^1], Is.SameAs(added));
        }
    }

    [Test]
    public void AddAddressRejectsInvalidAddressAtTheIndexItWouldTake()
    {
        var customer = WithAddresses("Work", "Home");

        var ex = Assert.Throws<DomainRuleViolationException>(
            () => customer.AddAddress(CustomerBuilder.Address() with { PostCode = new string('9', 21) }, Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo("addresses[2].postCode"));
            Assert.That(customer.Addresses, Has.Count.EqualTo(2));
        }
    }

    // ---- UpgradePasswordHash ----

    [Test]
    public void UpgradePasswordHashStoresTheNewHash()
    {
        var customer = new CustomerBuilder().WithPasswordHash("old-hash").Build();

        customer.UpgradePasswordHash("new-hash");

        Assert.That(customer.PasswordHash, Is.EqualTo("new-hash"));
    }

    [Test]
    public void UpgradePasswordHashRejectsEmptyHashAndKeepsTheOld()
    {
        var customer = new CustomerBuilder().WithPasswordHash("old-hash").Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.Throws<ArgumentException>(() => customer.UpgradePasswordHash(string.Empty));
            Assert.Throws<ArgumentNullException>(() => customer.UpgradePasswordHash(null!));
            Assert.That(customer.PasswordHash, Is.EqualTo("old-hash"));
        }
    }

    private static AddressPatch Patch(string field, string value) => field switch
    {
        "name" => new AddressPatch(Name: value),
        "firstName" => new AddressPatch(FirstName: value),
        "lastName" => new AddressPatch(LastName: value),
        "address_1" => new AddressPatch(Address1: value),
        "address_2" => new AddressPatch(Address2: value),
        "postCode" => new AddressPatch(PostCode: value),
        "city" => new AddressPatch(City: value),
        "state" => new AddressPatch(State: value),
        "country" => new AddressPatch(Country: value),
        "company" => new AddressPatch(Company: value),
        "phone" => new AddressPatch(Phone: value),
        "instructions" => new AddressPatch(Instructions: value),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not an address field."),
    };

    private static string? Value(AddressDetails details, string field) =>
        details.Fields().Single(f => f.Field == field).Value;
}
