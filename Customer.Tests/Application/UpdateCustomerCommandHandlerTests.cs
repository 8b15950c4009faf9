using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class UpdateCustomerCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private Mock<ICustomerRepository> _customers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private UpdateCustomerCommandHandler _handler = null!;
    private Customer _customer = null!;

    [SetUp]
    public void SetUp()
    {
        _customers = new Mock<ICustomerRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new UpdateCustomerCommandHandler(_customers.Object, _unitOfWork.Object, new FixedTimeProvider(Now));
        _customer = new CustomerBuilder()
            .WithEmail("john@example.com")
            .WithNames("John", "Doe")
            .WithStatus(CustomerStatus.Active)
            .WithTags("VIP")
            .Build();
        _customers.Setup(r => r.GetAsync(_customer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_customer);
    }

    [Test]
    public async Task AnExpectedVersionThatIsNotTheStoredOneIsAConflictAndChangesNothing()
    {
        var result = await _handler.Handle(new UpdateCustomerCommand { Id = _customer.Id, FirstName = "Ann", Version = _customer.Version + 1 }, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("version_conflict"));
            Assert.That(_customer.FirstName, Is.EqualTo("John"));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ReturnsNotFoundGivenUnknownId()
    {
        var result = await _handler.Handle(new UpdateCustomerCommand { Id = "unknown-id", FirstName = "Ann" }, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error?.Code, Is.EqualTo("customer_not_found"));
            Assert.That(result.Error?.Data, Is.EqualTo(new EntityIdErrorData("unknown-id")));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ReturnsNotFoundGivenUnknownIdWithAnEmailChange()
    {
        var result = await _handler.Handle(new UpdateCustomerCommand { Id = "unknown-id", Email = "taken@example.com" }, CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("customer_not_found"));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task LeavesEmailUniquenessToTheUniqueIndexAtSave()
    {
        // Even a repository that would call every address taken is not asked: the save decides
        // (duplicate_key through error translation; see CustomerUpdateTests and UniqueEmailRaceTests).
        _customers.Setup(r => r.IsEmailTakenAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await _handler.Handle(new UpdateCustomerCommand { Id = _customer.Id, Email = "New.Address@Example.COM" }, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(_customer.Email, Is.EqualTo("New.Address@Example.COM"));
            Assert.That(_customer.NormalizedEmail, Is.EqualTo("new.address@example.com"));
        }

        _customers.Verify(r => r.IsEmailTakenAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task TreatsCaseChangeOfOwnEmailAsNoDuplicate()
    {
        // Any lookup would say "taken": the customer's own address is in the index.
        _customers.Setup(r => r.IsEmailTakenAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await _handler.Handle(new UpdateCustomerCommand { Id = _customer.Id, Email = "JOHN@Example.COM" }, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True, result.ToString());
            Assert.That(result.IsSuccess ? result.Value.Email : null, Is.EqualTo("JOHN@Example.COM"));
            Assert.That(_customer.Email, Is.EqualTo("JOHN@Example.COM"));
            Assert.That(_customer.NormalizedEmail, Is.EqualTo("john@example.com"));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task SavesNothingGivenOnlyId()
    {
        var before = _customer.ToDto();

        var result = await _handler.Handle(new UpdateCustomerCommand { Id = _customer.Id }, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(result.IsSuccess ? result.Value : null, Is.EqualTo(before).Using(CustomerDtoComparer.Instance));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task SavesNothingGivenCurrentValues()
    {
        var result = await _handler.Handle(
            new UpdateCustomerCommand
            {
                Id = _customer.Id,
                Email = "john@example.com",
                FirstName = " John ",
                LastName = "Doe",
                Status = "ACTIVE",
                Tags = ["VIP", "VIP"],
            },
            CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(_customer.UpdatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ChangesEveryGivenFieldAndSavesOnce()
    {
        var result = await _handler.Handle(
            new UpdateCustomerCommand
            {
                Id = _customer.Id,
                Email = "Ann.Lee@Example.org",
                FirstName = "  Ann ",
                LastName = "Lee",
                Status = "INACTIVE",
                Tags = ["gold", "eu", "gold"],
            },
            CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var dto = result.Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(_customer.Id));
            Assert.That(dto.Email, Is.EqualTo("Ann.Lee@Example.org"));
            Assert.That(dto.FirstName, Is.EqualTo("Ann"));
            Assert.That(dto.LastName, Is.EqualTo("Lee"));
            Assert.That(dto.Status, Is.EqualTo("INACTIVE"));
            Assert.That(dto.Tags, Is.EqualTo((string[])["gold", "eu"]));
            Assert.That(dto.UpdatedAt, Is.EqualTo(Now.UtcDateTime));
            Assert.That(dto.CreatedAt, Is.EqualTo(CustomerBuilder.RegisteredAt));
            Assert.That(_customer.NormalizedEmail, Is.EqualTo("ann.lee@example.org"));
        }

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task LeavesFieldsNotGivenUnchanged()
    {
        var result = await _handler.Handle(new UpdateCustomerCommand { Id = _customer.Id, LastName = "Lee" }, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Value.LastName, Is.EqualTo("Lee"));
            Assert.That(result.Value.FirstName, Is.EqualTo("John"));
            Assert.That(result.Value.Email, Is.EqualTo("john@example.com"));
            Assert.That(result.Value.Status, Is.EqualTo("ACTIVE"));
            Assert.That(result.Value.Tags, Is.EqualTo((string[])["VIP"]));
        }

        _customers.Verify(r => r.IsEmailTakenAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ClearsTagsGivenEmptyList()
    {
        var result = await _handler.Handle(new UpdateCustomerCommand { Id = _customer.Id, Tags = [] }, CancellationToken.None);

        Assert.That(result.IsSuccess ? result.Value.Tags : null, Is.Empty);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task NeverTouchesThePasswordHash()
    {
        var hash = _customer.PasswordHash;

        await _handler.Handle(
            new UpdateCustomerCommand { Id = _customer.Id, Email = "ann@example.org", FirstName = "Ann", Status = "INACTIVE", Tags = [] },
            CancellationToken.None);

        Assert.That(_customer.PasswordHash, Is.EqualTo(hash));
    }
}
