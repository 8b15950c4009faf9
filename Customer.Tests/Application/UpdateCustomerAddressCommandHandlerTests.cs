using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.Common;
using CustomerService.Application.Customers.UpdateCustomerAddress;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class UpdateCustomerAddressCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private Mock<ICustomerRepository> _customers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private UpdateCustomerAddressCommandHandler _handler = null!;
    private Customer _customer = null!;
    private Address _home = null!;

    [SetUp]
    public void SetUp()
    {
        _customers = new Mock<ICustomerRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new UpdateCustomerAddressCommandHandler(_customers.Object, _unitOfWork.Object, new FixedTimeProvider(Now));
        _customer = new CustomerBuilder()
            .WithAddresses(CustomerBuilder.Address("Work"), CustomerBuilder.Address("Home"), CustomerBuilder.Address("Cabin"))
            .Build();
        _home = _customer.Addresses[1];
        _customers.Setup(r => r.GetAsync(_customer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_customer);
    }

    private UpdateCustomerAddressCommand Command(AddressChangeInput change) => new() { CustomerId = _customer.Id, Address = change };

    [Test]
    public async Task ReturnsCustomerNotFoundAndSavesNothingGivenUnknownCustomer()
    {
        var result = await _handler.Handle(
            new UpdateCustomerAddressCommand { CustomerId = "unknown-id", Address = new AddressChangeInput { Id = _home.Id, City = "London" } },
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("customer_not_found"));
            Assert.That(result.Error?.Data, Is.EqualTo(new EntityIdErrorData("unknown-id")));
            Assert.That(_home.City, Is.EqualTo("Springfield"));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ReturnsAddressNotFoundAndSavesNothingGivenUnknownAddressOnKnownCustomer()
    {
        var result = await _handler.Handle(Command(new AddressChangeInput { Id = "no-such-address", City = "London" }), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("customer_address_not_found"));
            Assert.That(result.Error?.Data, Is.EqualTo(new AddressIdErrorData(_customer.Id, "no-such-address")));
            Assert.That(_customer.Addresses.Select(a => a.City), Has.All.EqualTo("Springfield"));
            Assert.That(_customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ReturnsAddressNotFoundGivenUnknownAddressEvenWhenTheChangeWouldBeInvalid()
    {
        var result = await _handler.Handle(Command(new AddressChangeInput { Id = "no-such-address", City = string.Empty }), CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("customer_address_not_found"));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ChangesGivenFieldsKeepsTheOthersAndSavesOnce()
    {
        var before = _home.ToDto();

        var result = await _handler.Handle(Command(new AddressChangeInput { Id = _home.Id, City = " London ", Phone = "020 7946 0000" }), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Value.Addresses[1], Is.EqualTo(before with { City = "London", Phone = "020 7946 0000" }));
            Assert.That(result.Value.UpdatedAt, Is.EqualTo(Now.UtcDateTime));
            Assert.That(result.Value, Is.EqualTo(_customer.ToDto()).Using(CustomerDtoComparer.Instance));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task LeavesOtherAddressesAndTheirOrderUnchanged()
    {
        var work = _customer.Addresses[0].ToDto();
        var cabin = _customer.Addresses[2].ToDto();

        var result = await _handler.Handle(Command(new AddressChangeInput { Id = _home.Id, Name = "Flat" }), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Value.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Work", "Flat", "Cabin"]));
            Assert.That(result.Value.Addresses[0], Is.EqualTo(work));
            Assert.That(result.Value.Addresses[2], Is.EqualTo(cabin));
            Assert.That(result.Value.Addresses[1].Id, Is.EqualTo(_home.Id));
        }
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.OptionalFields))]
    public async Task ClearsOptionalFieldGivenEmptyString(string field)
    {
        var change = AddressInputs.With(AddressInputs.Change(_home.Id), field, string.Empty);

        var result = await _handler.Handle(Command(change), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(AddressInputs.Read(result.Value.Addresses[1], field), Is.Null);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCaseSource(typeof(AddressInputs), nameof(AddressInputs.RequiredFields))]
    public void RefusesToBlankRequiredFieldAndSavesNothing(string field)
    {
        var before = _home.ToDto();
        var change = AddressInputs.With(AddressInputs.Change(_home.Id), field, string.Empty);

        var ex = Assert.ThrowsAsync<DomainRuleViolationException>(async () => await _handler.Handle(Command(change), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Field, Is.EqualTo($"address.{field}"));
            Assert.That(_home.ToDto(), Is.EqualTo(before));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task SavesNothingAndReturnsTheCustomerUnchangedGivenNoFields()
    {
        var before = _customer.ToDto();

        var result = await _handler.Handle(Command(AddressInputs.Change(_home.Id)), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True, result.ToString());
            Assert.That(result.IsSuccess ? result.Value : null, Is.EqualTo(before).Using(CustomerDtoComparer.Instance));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task SavesNothingGivenTheCurrentValues()
    {
        var result = await _handler.Handle(
            Command(new AddressChangeInput { Id = _home.Id, Name = " Home ", City = "Springfield" }),
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True, result.ToString());
            Assert.That(result.IsSuccess ? result.Value.UpdatedAt : default, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void RefusesCommandWithoutAddress()
    {
        Assert.ThrowsAsync<ArgumentException>(async () =>
            await _handler.Handle(new UpdateCustomerAddressCommand { CustomerId = _customer.Id }, CancellationToken.None));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task PassesTheCallersCancellationTokenOn()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(Command(new AddressChangeInput { Id = _home.Id, City = "London" }), cancellation.Token);

        _customers.Verify(r => r.GetAsync(_customer.Id, cancellation.Token), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(cancellation.Token), Times.Once);
    }
}
