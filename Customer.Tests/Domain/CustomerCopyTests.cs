using System.Collections;
using System.Reflection;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Domain;

public sealed class CustomerCopyTests
{
    private static readonly DateTime Later = CustomerBuilder.RegisteredAt.AddHours(1);

    private static Customer Original() => new CustomerBuilder()
        .WithNames("Ada", "Lovelace")
        .WithStatus(CustomerStatus.Inactive)
        .WithTags("VIP", "B2B")
        .WithAddresses(CustomerBuilder.Address("Home"), CustomerBuilder.Address("Work"))
        .Build();

    [Test]
    public void ACopyHasTheSameStateButNoPendingEvents()
    {
        var original = Original();

        var copy = original.Copy();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(copy, Is.Not.SameAs(original));
            Assert.That(copy.Id, Is.EqualTo(original.Id));
            Assert.That(copy.Email, Is.EqualTo(original.Email));
            Assert.That(copy.NormalizedEmail, Is.EqualTo(original.NormalizedEmail));
            Assert.That(copy.PasswordHash, Is.EqualTo(original.PasswordHash));
            Assert.That(copy.FirstName, Is.EqualTo("Ada"));
            Assert.That(copy.LastName, Is.EqualTo("Lovelace"));
            Assert.That(copy.Status, Is.EqualTo(CustomerStatus.Inactive));
            Assert.That(copy.Tags, Is.EqualTo(new[] { "VIP", "B2B" }));
            Assert.That(copy.Version, Is.EqualTo(original.Version));
            Assert.That(copy.CreatedAt, Is.EqualTo(original.CreatedAt));
            Assert.That(copy.UpdatedAt, Is.EqualTo(original.UpdatedAt));
            Assert.That(copy.Addresses.Select(a => (a.Id, a.Position, a.Details)), Is.EqualTo(original.Addresses.Select(a => (a.Id, a.Position, a.Details))));
            Assert.That(original.DomainEvents, Is.Not.Empty);
            Assert.That(copy.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void ChangingACopyLeavesTheOriginalAsItWas()
    {
        var original = Original();
        var copy = original.Copy();

        copy.Rename("Grace", "Hopper", Later);
        copy.ReplaceTags(["NEW"], Later);
        copy.UpdateAddress(copy.Addresses[0].Id, new AddressPatch(City: "Elsewhere"), Later);
        copy.RemoveAddress(copy.Addresses[1].Id, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(original.FirstName, Is.EqualTo("Ada"));
            Assert.That(original.Tags, Is.EqualTo(new[] { "VIP", "B2B" }));
            Assert.That(original.Addresses, Has.Count.EqualTo(2));
            Assert.That(original.Addresses[0].City, Is.EqualTo(CustomerBuilder.Address("Home").City));
            Assert.That(original.Addresses[0], Is.Not.SameAs(copy.Addresses[0]));
        }
    }

    [Test]
    public void ACopyCarriesEveryFieldOfTheCustomerAndOfEachAddress()
    {
        var original = Original();
        original.RemoveAddress(original.Addresses[0].Id, Later); // so the address left has a position other than 0
        original.ClearDomainEvents();

        var copy = original.Copy();

        // By reflection over the fields, so that a field added later and forgotten in Copy() fails here.
        AssertSameState(original, copy, typeof(Customer).Name);
    }

    private static void AssertSameState(object original, object copy, string path)
    {
        var fields = original.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.That(fields, Is.Not.Empty);
        foreach (var field in fields)
        {
            var expected = field.GetValue(original);
            var actual = field.GetValue(copy);
            var where = $"{path}.{field.Name}";
            Assert.That(expected, Is.Not.EqualTo(DefaultOf(field.FieldType)).Or.InstanceOf<IEnumerable>(), $"{where}: the sample must set it");
            if (expected is string or null || expected.GetType().IsValueType)
            {
                Assert.That(actual, Is.EqualTo(expected), where);
                continue;
            }

            Assert.That(actual, Is.Not.SameAs(expected), $"{where}: a copy shares no mutable state");
            if (expected is IEnumerable items)
            {
                var expectedItems = items.Cast<object>().ToList();
                var actualItems = ((IEnumerable)actual!).Cast<object>().ToList();
                Assert.That(actualItems, Has.Count.EqualTo(expectedItems.Count), where);
                for (var i = 0; i < expectedItems.Count; i++)
                {
                    if (expectedItems[i] is string)
                    {
                        Assert.That(actualItems[i], Is.EqualTo(expectedItems[i]), $"{where}[{i}]");
                    }
                    else
                    {
                        AssertSameState(expectedItems[i], actualItems[i], $"{where}[{i}]");
                    }
                }
            }
            else
            {
                AssertSameState(expected, actual!, where);
            }
        }
    }

    private static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}
