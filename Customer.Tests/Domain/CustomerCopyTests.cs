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
}
