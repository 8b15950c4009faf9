using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Domain;

/// <summary>The events the aggregate records: one per unit of work, with the changed fields by wire name.</summary>
public sealed class CustomerEventsTests
{
    private static readonly DateTime Later = CustomerBuilder.RegisteredAt.AddHours(1);

    [Test]
    public void RegisteringRecordsOnlyTheCreationEvenWithAddresses()
    {
        var customer = new CustomerBuilder().WithAddresses(CustomerBuilder.Address("A"), CustomerBuilder.Address("B")).Build();

        Assert.That(customer.DomainEvents, Is.EqualTo(new[] { new CustomerCreated(customer.Id) }));
    }

    [Test]
    public void ChangesOfOneUnitOfWorkMergeIntoOneUpdateWithEachFieldOnceInOrder()
    {
        var customer = Registered();

        customer.Rename("Jane", null, Later);
        customer.ChangeEmail(EmailAddress.Create("jane@example.com"), Later);
        customer.SetStatus(CustomerStatus.Inactive, Later);
        customer.Rename("Janet", "Roe", Later);
        customer.ReplaceTags(["new"], Later);

        var updated = (CustomerUpdated)customer.DomainEvents.Single();
        Assert.That(updated.CustomerId, Is.EqualTo(customer.Id));
        Assert.That(updated.OldVersion, Is.EqualTo(1));
        Assert.That(updated.ChangedFields, Is.EqualTo(new[] { "firstName", "email", "status", "lastName", "tags" }));
    }

    [Test]
    public void APasswordChangeIsAnUpdateOfThePasswordFieldThatCarriesNoHash()
    {
        var customer = Registered();

        customer.ChangePassword("pbkdf2$new-hash", Later);

        var updated = (CustomerUpdated)customer.DomainEvents.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(updated.ChangedFields, Is.EqualTo(new[] { "password" }));
            Assert.That(updated.ToString(), Does.Not.Contain("pbkdf2$new-hash"));
            Assert.That(customer.PasswordHash, Is.EqualTo("pbkdf2$new-hash"));
            Assert.That(customer.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void ChangesThatChangeNothingRecordNothing()
    {
        var customer = new CustomerBuilder().WithTags("VIP").Build();
        customer.ClearDomainEvents();

        customer.Rename(customer.FirstName, customer.LastName, Later);
        customer.ChangeEmail(EmailAddress.Create(customer.Email), Later);
        customer.SetStatus(customer.Status, Later);
        customer.ReplaceTags(["VIP"], Later);
        customer.RemoveAddress("no-such-address", Later);

        Assert.That(customer.DomainEvents, Is.Empty);
    }

    [Test]
    public void RenamingOnlyTheLastNameNamesOnlyIt()
    {
        var customer = Registered();

        customer.Rename(null, "Roe", Later);

        Assert.That(((CustomerUpdated)customer.DomainEvents.Single()).ChangedFields, Is.EqualTo(new[] { "lastName" }));
    }

    [Test]
    public void EveryAddressChangeIsAnUpdateOfAddresses()
    {
        var customer = Registered();
        var added = customer.AddAddress(CustomerBuilder.Address("Home"), Later);
        customer.UpdateAddress(added.Id, new AddressPatch(City: "Elsewhere"), Later);
        customer.RemoveAddress(added.Id, Later);

        Assert.That(((CustomerUpdated)customer.DomainEvents.Single()).ChangedFields, Is.EqualTo(new[] { "addresses" }));
    }

    [Test]
    public void MarkingRemovedRecordsTheRemovalOnce()
    {
        var customer = Registered();

        customer.MarkRemoved();
        customer.MarkRemoved();

        Assert.That(customer.DomainEvents, Is.EqualTo(new[] { new CustomerRemoved(customer.Id) }));
    }

    [Test]
    public void ClearingForgetsThePendingEventsAndTheNextChangeStartsAFreshUpdate()
    {
        var customer = Registered();
        customer.Rename("Jane", null, Later);

        customer.ClearDomainEvents();
        customer.ReplaceTags(["other"], Later);

        Assert.That(((CustomerUpdated)customer.DomainEvents.Single()).ChangedFields, Is.EqualTo(new[] { "tags" }));
    }

    private static Customer Registered()
    {
        var customer = new CustomerBuilder().Build();
        customer.ClearDomainEvents();
        return customer;
    }
}
