using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.RemoveCustomerAddress;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class RemoveCustomerAddressCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private Mock<ICustomerRepository> _customers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private RemoveCustomerAddressCommandHandler _handler = null!;
    private Customer _customer = null!;

    [SetUp]
    public void SetUp()
    {
        _customers = new Mock<ICustomerRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new RemoveCustomerAddressCommandHandler(_customers.Object, _unitOfWork.Object, new FixedTimeProvider(Now));
        _customer = new CustomerBuilder()
            .WithAddresses(CustomerBuilder.Address("Work"), CustomerBuilder.Address("Home"), CustomerBuilder.Address("Cabin"))
            .Build();
        _customers.Setup(r => r.GetAsync(_customer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_customer);
    }

    [Test]
    public async Task ReturnsCustomerNotFoundAndSavesNothingGivenUnknownCustomer()
    {
        var result = await _handler.Handle(
            new RemoveCustomerAddressCommand { CustomerId = "unknown-id", AddressId = _customer.Addresses[0].Id },
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("customer_not_found"));
            Assert.That(result.Error?.Data, Is.EqualTo(new EntityIdErrorData("unknown-id")));
            Assert.That(_customer.Addresses, Has.Count.EqualTo(3));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ReturnsAddressNotFoundAndSavesNothingGivenUnknownAddressOnKnownCustomer()
    {
        var result = await _handler.Handle(
            new RemoveCustomerAddressCommand { CustomerId = _customer.Id, AddressId = "no-such-address" },
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("customer_address_not_found"));
            Assert.That(result.Error?.Data, Is.EqualTo(new AddressIdErrorData(_customer.Id, "no-such-address")));
            Assert.That(_customer.Addresses, Has.Count.EqualTo(3));
            Assert.That(_customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task RemovesTheAddressKeepsTheOthersInOrderAndSavesOnce()
    {
        var home = _customer.Addresses[1];

        var result = await _handler.Handle(new RemoveCustomerAddressCommand { CustomerId = _customer.Id, AddressId = home.Id }, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Value.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Work", "Cabin"]));
            Assert.That(result.Value.Addresses.Select(a => a.Id), Has.None.EqualTo(home.Id));
            Assert.That(result.Value.UpdatedAt, Is.EqualTo(Now.UtcDateTime));
            Assert.That(result.Value, Is.EqualTo(_customer.ToDto()).Using(CustomerDtoComparer.Instance));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ReturnsAddressNotFoundWhenRemovingTheSameAddressTwice()
    {
        var work = _customer.Addresses[0].Id;
        await _handler.Handle(new RemoveCustomerAddressCommand { CustomerId = _customer.Id, AddressId = work }, CancellationToken.None);

        var again = await _handler.Handle(new RemoveCustomerAddressCommand { CustomerId = _customer.Id, AddressId = work }, CancellationToken.None);

        Assert.That(again.Error?.Code, Is.EqualTo("customer_address_not_found"));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task PassesTheCallersCancellationTokenOn()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new RemoveCustomerAddressCommand { CustomerId = _customer.Id, AddressId = _customer.Addresses[0].Id }, cancellation.Token);

        _customers.Verify(r => r.GetAsync(_customer.Id, cancellation.Token), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(cancellation.Token), Times.Once);
    }
}
