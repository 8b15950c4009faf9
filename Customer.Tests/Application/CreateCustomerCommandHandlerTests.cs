using System.Text.Json;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Security;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.Common;
using CustomerService.Application.Customers.CreateCustomer;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class CreateCustomerCommandHandlerTests
{
    private const string PlainPassword = "correct horse battery staple";
    private const string HashedPassword = "pbkdf2$100000$c2FsdA$aGFzaA";

    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private Mock<ICustomerRepository> _customers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private Mock<IPasswordHasher> _hasher = null!;
    private CreateCustomerCommandHandler _handler = null!;
    private Customer? _added;

    [SetUp]
    public void SetUp()
    {
        _added = null;
        _customers = new Mock<ICustomerRepository>();
        _customers.Setup(r => r.Add(It.IsAny<Customer>())).Callback<Customer>(c => _added = c);
        _unitOfWork = new Mock<IUnitOfWork>();
        _hasher = new Mock<IPasswordHasher>();
        _hasher.Setup(h => h.HashAsync(PlainPassword, It.IsAny<CancellationToken>())).ReturnsAsync(HashedPassword);
        _handler = new CreateCustomerCommandHandler(_customers.Object, _unitOfWork.Object, _hasher.Object, new FixedTimeProvider(Now));
    }

    private static CreateCustomerCommand Command() => new()
    {
        Email = "John.Doe@Example.com",
        Password = PlainPassword,
        FirstName = " John ",
        LastName = "Doe",
        Status = "INACTIVE",
        Tags = ["VIP", "gold", "VIP"],
        Addresses =
        [
            new AddressInput
            {
                Name = "Work", FirstName = "John", Address1 = "1650 Bolman Court", PostCode = "62701",
                City = "Springfield", State = "IL", Country = "US",
            },
            new AddressInput
            {
                Name = "Home", FirstName = "John", Address1 = "2 Elm Street", Address2 = "Flat 3", PostCode = "62702",
                City = "Springfield", State = "IL", Country = "US", Phone = "555 0101",
            },
        ],
    };

    [Test]
    public async Task RegistersAndSavesTheCustomerOnce()
    {
        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(_added, Is.Not.Null);
        _customers.Verify(r => r.Add(It.IsAny<Customer>()), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ReturnsTheRegisteredCustomer()
    {
        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var dto = result.Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(_added!.Id).And.Not.Empty);
            Assert.That(dto.Email, Is.EqualTo("John.Doe@Example.com"));
            Assert.That(dto.FirstName, Is.EqualTo("John"));
            Assert.That(dto.LastName, Is.EqualTo("Doe"));
            Assert.That(dto.Status, Is.EqualTo("INACTIVE"));
            Assert.That(dto.Tags, Is.EqualTo((string[])["VIP", "gold"]));
            Assert.That(dto.Addresses.Select(a => a.Name), Is.EqualTo((string[])["Work", "Home"]));
            Assert.That(dto.Addresses[1].Address2, Is.EqualTo("Flat 3"));
            Assert.That(dto.Version, Is.EqualTo(1));
            Assert.That(dto.CreatedAt, Is.EqualTo(Now.UtcDateTime));
            Assert.That(dto.UpdatedAt, Is.EqualTo(Now.UtcDateTime));
        }
    }

    [Test]
    public async Task StoresEmailAsWrittenAndNormalizedForUniqueness()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_added!.Email, Is.EqualTo("John.Doe@Example.com"));
            Assert.That(_added.NormalizedEmail, Is.EqualTo("john.doe@example.com"));
        }

        _customers.Verify(r => r.IsEmailTakenAsync("john.doe@example.com", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task DefaultsStatusToActive()
    {
        var result = await _handler.Handle(Command() with { Status = null }, CancellationToken.None);

        Assert.That(result.IsSuccess ? result.Value.Status : null, Is.EqualTo("ACTIVE"));
        Assert.That(_added!.Status, Is.EqualTo(CustomerStatus.Active));
    }

    [Test]
    public async Task AcceptsMissingTagsAndAddresses()
    {
        var result = await _handler.Handle(Command() with { Tags = null, Addresses = null }, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Value.Tags, Is.Empty);
            Assert.That(result.Value.Addresses, Is.Empty);
        }
    }

    [Test]
    public async Task StoresTheHashOfThePassword()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(_added!.PasswordHash, Is.EqualTo(HashedPassword));
        _hasher.Verify(h => h.HashAsync(PlainPassword, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task KeepsThePlainPasswordOutOfTheAggregateAndTheDto()
    {
        var result = await _handler.Handle(Command(), CancellationToken.None);

        var aggregateText = string.Join(
            '\n',
            typeof(Customer).GetProperties().Select(p => p.GetValue(_added) is { } value ? JsonSerializer.Serialize(value) : string.Empty));
        var dtoText = JsonSerializer.Serialize(result.Value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(aggregateText, Does.Not.Contain(PlainPassword));
            Assert.That(dtoText, Does.Not.Contain(PlainPassword));
            Assert.That(dtoText, Does.Not.Contain(HashedPassword));
        }
    }

    [Test]
    public async Task ReturnsDuplicateKeyGivenTakenEmail()
    {
        _customers.Setup(r => r.IsEmailTakenAsync("john.doe@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await _handler.Handle(Command(), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("duplicate_key"));
            Assert.That(result.Error?.Data, Is.EqualTo(new DuplicateKeyErrorData("email", "John.Doe@Example.com")));
        }

        _customers.Verify(r => r.Add(It.IsAny<Customer>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }
}
