using System.Reflection;
using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Application;

public sealed class CustomerMapperTests
{
    private static readonly DateTime Later = CustomerBuilder.RegisteredAt.AddDays(2);

    [Test]
    public void MapsEveryCustomerField()
    {
        var customer = new CustomerBuilder()
            .WithEmail("Ann.Lee@Example.org")
            .WithNames("Ann", "Lee")
            .WithStatus(CustomerStatus.Active)
            .WithTags("gold", "eu")
            .WithAddresses(CustomerBuilder.Address("Work"), CustomerBuilder.Address("Home"))
            .Build();
        customer.Rename("Anna", null, Later);

        var dto = customer.ToDto();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(customer.Id));
            Assert.That(dto.Email, Is.EqualTo("Ann.Lee@Example.org"));
            Assert.That(dto.FirstName, Is.EqualTo("Anna"));
            Assert.That(dto.LastName, Is.EqualTo("Lee"));
            Assert.That(dto.Status, Is.EqualTo("ACTIVE"));
            Assert.That(dto.Tags, Is.EqualTo((string[])["gold", "eu"]));
            Assert.That(dto.Addresses.Select(a => a.Id), Is.EqualTo(customer.Addresses.Select(a => a.Id)));
            Assert.That(dto.Version, Is.EqualTo(customer.Version));
            Assert.That(dto.CreatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
            Assert.That(dto.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [TestCase(CustomerStatus.Active, "ACTIVE")]
    [TestCase(CustomerStatus.Inactive, "INACTIVE")]
    public void MapsStatusToItsWireName(CustomerStatus status, string expected)
    {
        var dto = new CustomerBuilder().WithStatus(status).Build().ToDto();

        Assert.That(dto.Status, Is.EqualTo(expected));
    }

    [Test]
    public void MapsEveryAddressField()
    {
        var details = new AddressDetails(
            Name: "Work",
            FirstName: "Ann",
            LastName: "Lee",
            Address1: "1650 Bolman Court",
            Address2: "Number 10",
            PostCode: "62701",
            City: "Springfield",
            State: "IL",
            Country: "US",
            Company: "Acme",
            Phone: "0217 555 0101",
            Instructions: "Leave at the door");
        var address = new CustomerBuilder().Build().AddAddress(details, Later);

        var dto = address.ToDto();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(address.Id));
            Assert.That(dto.Name, Is.EqualTo("Work"));
            Assert.That(dto.FirstName, Is.EqualTo("Ann"));
            Assert.That(dto.LastName, Is.EqualTo("Lee"));
            Assert.That(dto.Address1, Is.EqualTo("1650 Bolman Court"));
            Assert.That(dto.Address2, Is.EqualTo("Number 10"));
            Assert.That(dto.PostCode, Is.EqualTo("62701"));
            Assert.That(dto.City, Is.EqualTo("Springfield"));
            Assert.That(dto.State, Is.EqualTo("IL"));
            Assert.That(dto.Country, Is.EqualTo("US"));
            Assert.That(dto.Company, Is.EqualTo("Acme"));
            Assert.That(dto.Phone, Is.EqualTo("0217 555 0101"));
            Assert.That(dto.Instructions, Is.EqualTo("Leave at the door"));
        }
    }

    [Test]
    public void MapsMissingOptionalAddressFieldsToNull()
    {
        var details = CustomerBuilder.Address() with { LastName = null, Address2 = null, Company = null, Phone = null, Instructions = null };
        var address = new CustomerBuilder().Build().AddAddress(details, Later);

        var dto = address.ToDto();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.LastName, Is.Null);
            Assert.That(dto.Address2, Is.Null);
            Assert.That(dto.Company, Is.Null);
            Assert.That(dto.Phone, Is.Null);
            Assert.That(dto.Instructions, Is.Null);
        }
    }

    [Test]
    public void MapsAddressesInTheCustomersOrder()
    {
        var customer = new CustomerBuilder()
            .WithAddresses(CustomerBuilder.Address("Work"), CustomerBuilder.Address("Home"), CustomerBuilder.Address("Cabin"))
            .Build();

        var dto = customer.ToDto();

        Assert.That(dto.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Work", "Home", "Cabin"]));
    }

    [TestCase(typeof(CustomerDto))]
    [TestCase(typeof(AddressDto))]
    public void DtoExposesNoSecretOrInternalField(Type dtoType)
    {
        var names = dtoType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToList();

        Assert.That(names, Is.Not.Empty);
        Assert.That(
            names,
            Has.None.Contains("Password").IgnoreCase
                .And.None.Contains("Hash").IgnoreCase
                .And.None.Contains("Normalized").IgnoreCase);
    }
}
