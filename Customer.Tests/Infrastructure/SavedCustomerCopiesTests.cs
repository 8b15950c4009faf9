using CustomerService.Infrastructure.Persistence.SavedCopies;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Infrastructure;

public sealed class SavedCustomerCopiesTests
{
    private static readonly DateTime Later = CustomerBuilder.RegisteredAt.AddHours(1);

    [Test]
    public void EveryCopyHandedOutIsIndependentOfTheKeptOne()
    {
        var copies = new SavedCustomerCopies();
        var customer = new CustomerBuilder().WithNames("Ada", "Lovelace").Build();
        copies.Remember(customer);
        customer.Rename("Changed", null, Later);

        Assert.That(copies.TryCopy(customer.Id, out var first), Is.True);
        first!.Rename("Grace", null, Later);
        Assert.That(copies.TryCopy(customer.Id, out var second), Is.True);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second!.FirstName, Is.EqualTo("Ada"), "neither the remembered object nor a handed-out copy may change what is kept");
            Assert.That(second, Is.Not.SameAs(first));
        }
    }

    [Test]
    public void ALaterVersionIsNotReplacedByAnEarlierOne()
    {
        var copies = new SavedCustomerCopies();
        var earlier = new CustomerBuilder().WithNames("Ada", "Lovelace").Build();
        var later = earlier.Copy();
        later.Rename("Grace", null, Later);
        RaiseVersion(later);

        copies.Remember(later);
        copies.Remember(earlier);

        Assert.That(copies.TryCopy(earlier.Id, out var kept), Is.True);
        Assert.That(kept!.FirstName, Is.EqualTo("Grace"));
    }

    [Test]
    public void AForgottenCustomerHasNoCopy()
    {
        var copies = new SavedCustomerCopies();
        var customer = new CustomerBuilder().Build();
        copies.Remember(customer);

        copies.Forget(customer.Id);

        Assert.That(copies.TryCopy(customer.Id, out _), Is.False);
    }

    [Test]
    public void PastItsCapacityItStartsAgainEmpty()
    {
        var copies = new SavedCustomerCopies(capacity: 3);
        var customers = Enumerable.Range(0, 4).Select(i => new CustomerBuilder().WithEmail($"c{i}@example.com").Build()).ToList();

        foreach (var customer in customers.Take(3))
        {
            copies.Remember(customer);
        }

        copies.Remember(customers[0]);
        Assert.That(copies.Count, Is.EqualTo(3), "remembering a customer already kept does not count twice");

        copies.Remember(customers[3]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(copies.Count, Is.EqualTo(1));
            Assert.That(copies.TryCopy(customers[3].Id, out _), Is.True);
            Assert.That(copies.TryCopy(customers[0].Id, out _), Is.False);
        }
    }

    // Persistence raises the version; for the test, a copy with a higher version is made through the
    // same property EF Core sets.
    private static void RaiseVersion(CustomerService.Domain.Customers.Customer customer) =>
        typeof(CustomerService.Domain.Customers.Customer).GetProperty(nameof(customer.Version))!.SetValue(customer, customer.Version + 1);
}
