using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.GetCustomerAddress;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class GetCustomerAddressQueryHandlerTests
{
    private Mock<ICustomerRepository> _customers = null!;
    private GetCustomerAddressQueryHandler _handler = null!;
    private Customer _customer = null!;

    [SetUp]
    public void SetUp()
    {
        // Strict: a read must use the read-only load, never the tracked one.
        _customers = new Mock<ICustomerRepository>(MockBehavior.Strict);
        _customer = new CustomerBuilder().WithAddresses(CustomerBuilder.Address("Work"), CustomerBuilder.Address("Home")).Build();
        _customers.Setup(r => r.FindForReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((Customer?)null);
        _customers.Setup(r => r.FindForReadAsync(_customer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_customer);
        _handler = new GetCustomerAddressQueryHandler(_customers.Object);
    }

    [Test]
    public async Task ReturnsCustomerNotFoundGivenUnknownCustomer()
    {
        var result = await _handler.Handle(
            new GetCustomerAddressQuery { CustomerId = "unknown-id", AddressId = _customer.Addresses[0].Id },
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error?.Code, Is.EqualTo("customer_not_found"));
            Assert.That(result.Error?.Data, Is.EqualTo(new EntityIdErrorData("unknown-id")));
        }
    }

    [Test]
    public async Task ReturnsAddressNotFoundGivenUnknownAddressOnKnownCustomer()
    {
        var result = await _handler.Handle(
            new GetCustomerAddressQuery { CustomerId = _customer.Id, AddressId = "no-such-address" },
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error?.Code, Is.EqualTo("customer_address_not_found"));
            Assert.That(result.Error?.Data, Is.EqualTo(new AddressIdErrorData(_customer.Id, "no-such-address")));
        }
    }

    [Test]
    public async Task ReturnsAddressNotFoundGivenAddressOfAnotherCustomer()
    {
        var other = new CustomerBuilder().WithEmail("other@example.com").WithAddresses(CustomerBuilder.Address("Other")).Build();
        var otherAddressId = other.Addresses[0].Id;

        var result = await _handler.Handle(
            new GetCustomerAddressQuery { CustomerId = _customer.Id, AddressId = otherAddressId },
            CancellationToken.None);

        Assert.That(result.Error?.Data, Is.EqualTo(new AddressIdErrorData(_customer.Id, otherAddressId)));
    }

    [Test]
    public async Task ReturnsTheAddressWithEveryFieldAndItsId()
    {
        var home = _customer.Addresses[1];

        var result = await _handler.Handle(new GetCustomerAddressQuery { CustomerId = _customer.Id, AddressId = home.Id }, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value, Is.EqualTo(new AddressDto(
            "Home", "John", "Doe", "1650 Bolman Court", "Number 10", "62701", "Springfield", "IL", "US", "Acme", "0217 555 0101", "Leave at the door", home.Id)));
    }

    [Test]
    public async Task PassesTheCallersCancellationTokenOn()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new GetCustomerAddressQuery { CustomerId = _customer.Id, AddressId = "x" }, cancellation.Token);

        _customers.Verify(r => r.FindForReadAsync(_customer.Id, cancellation.Token), Times.Once);
    }
}
