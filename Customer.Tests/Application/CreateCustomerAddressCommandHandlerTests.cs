using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.CreateCustomerAddress;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class CreateCustomerAddressCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private Mock<ICustomerRepository> _customers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private CreateCustomerAddressCommandHandler _handler = null!;
    private Customer _customer = null!;

    [SetUp]
    public void SetUp()
    {
        _customers = new Mock<ICustomerRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new CreateCustomerAddressCommandHandler(_customers.Object, _unitOfWork.Object, new FixedTimeProvider(Now));
        _customer = new CustomerBuilder().WithAddresses(CustomerBuilder.Address("Work")).Build();
        _customers.Setup(r => r.GetAsync(_customer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_customer);
    }

    [Test]
    public async Task ReturnsNotFoundAndSavesNothingGivenUnknownCustomer()
    {
        var result = await _handler.Handle(
            new CreateCustomerAddressCommand { CustomerId = "unknown-id", Address = AddressInputs.Valid() },
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error?.Code, Is.EqualTo("customer_not_found"));
            Assert.That(result.Error?.Data, Is.EqualTo(new EntityIdErrorData("unknown-id")));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task AddsOneAddressAfterTheExistingOnesAndSavesOnce()
    {
        var result = await _handler.Handle(
            new CreateCustomerAddressCommand { CustomerId = _customer.Id, Address = AddressInputs.Valid("Home") },
            CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var dto = result.Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(_customer.Id));
            Assert.That(dto.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Work", "Home"]));
            Assert.That(dto.Addresses[1], Is.EqualTo(new AddressDto(
                "Home", "Jane", "Roe", "12 Harbour Street", "Flat 3", "SW1A 1AA", "London", "Greater London", "GB", "Initech", "020 7946 0000", "Ring twice", _customer.Addresses[1].Id)));
            Assert.That(dto.Addresses[1].Id, Is.Not.Empty.And.Not.EqualTo(dto.Addresses[0].Id));
            Assert.That(dto.UpdatedAt, Is.EqualTo(Now.UtcDateTime));
            Assert.That(dto, Is.EqualTo(_customer.ToDto()).Using(CustomerDtoComparer.Instance));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task AddsEveryAddressOfTheListInOrderAndSavesOnce()
    {
        var result = await _handler.Handle(
            new CreateCustomerAddressCommand
            {
                CustomerId = _customer.Id,
                Addresses = [AddressInputs.Valid("Home"), AddressInputs.Valid("Cabin"), AddressInputs.Valid("Office")],
            },
            CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Value.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Work", "Home", "Cabin", "Office"]));
            Assert.That(result.Value.Addresses.Select(a => a.Id), Is.Unique);
            Assert.That(_customer.Addresses, Has.Count.EqualTo(4));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task StoresTrimmedFieldsAndClearsBlankOptionalOnes()
    {
        var input = AddressInputs.Valid("  Home ") with { City = " London ", Company = string.Empty, Phone = "   " };

        var result = await _handler.Handle(new CreateCustomerAddressCommand { CustomerId = _customer.Id, Address = input }, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var added = result.Value.Addresses[^1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(added.Name, Is.EqualTo("Home"));
            Assert.That(added.City, Is.EqualTo("London"));
            Assert.That(added.Company, Is.Null);
            Assert.That(added.Phone, Is.Null);
        }
    }

    [Test]
    public void RefusesAddressesBeyondTwentyInAllAndSavesNothing()
    {
        for (var i = 1; i < 19; i++)
        {
            _customer.AddAddress(CustomerBuilder.Address($"A{i}"), CustomerBuilder.RegisteredAt);
        }

        Assert.That(_customer.Addresses, Has.Count.EqualTo(19), "precondition");

        var ex = Assert.ThrowsAsync<DomainRuleViolationException>(async () => await _handler.Handle(
            new CreateCustomerAddressCommand { CustomerId = _customer.Id, Addresses = [AddressInputs.Valid("A19"), AddressInputs.Valid("A20")] },
            CancellationToken.None));

        Assert.That(ex.Field, Is.EqualTo("addresses"));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task AcceptsTheTwentiethAddress()
    {
        for (var i = 1; i < 19; i++)
        {
            _customer.AddAddress(CustomerBuilder.Address($"A{i}"), CustomerBuilder.RegisteredAt);
        }

        var result = await _handler.Handle(
            new CreateCustomerAddressCommand { CustomerId = _customer.Id, Addresses = [AddressInputs.Valid("A19")] },
            CancellationToken.None);

        Assert.That(result.IsSuccess ? result.Value.Addresses : null, Has.Count.EqualTo(20));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task PassesTheCallersCancellationTokenOn()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new CreateCustomerAddressCommand { CustomerId = _customer.Id, Address = AddressInputs.Valid() }, cancellation.Token);

        _customers.Verify(r => r.GetAsync(_customer.Id, cancellation.Token), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(cancellation.Token), Times.Once);
    }
}
