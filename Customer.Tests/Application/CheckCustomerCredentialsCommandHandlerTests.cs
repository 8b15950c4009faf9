using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Common.Security;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.CheckCustomerCredentials;
using CustomerService.Application.Customers.Common;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class CheckCustomerCredentialsCommandHandlerTests
{
    private const string Password = "correct horse battery";
    private const string StoredHash = "pbkdf2$stored";
    private const string DummyHash = "pbkdf2$nobody";
    private const string NewHash = "pbkdf2$stronger";

    private Mock<ICustomerRepository> _customers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private Mock<IPasswordHasher> _hasher = null!;
    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private InMemorySignInThrottle _throttle = null!;
    private CheckCustomerCredentialsCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _customers = new Mock<ICustomerRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _hasher = new Mock<IPasswordHasher>();
        _hasher.SetupGet(h => h.UnknownUserHash).Returns(DummyHash);
        _hasher.Setup(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(NewHash);
        _throttle = new InMemorySignInThrottle();
        _handler = new CheckCustomerCredentialsCommandHandler(
            _customers.Object, _unitOfWork.Object, _hasher.Object, new ThrottledPasswordCheck(_throttle, _hasher.Object, _clock));
    }

    private Customer Known(CustomerStatus status = CustomerStatus.Active)
    {
        var customer = new CustomerBuilder().WithEmail("John.Doe@Example.com").WithPasswordHash(StoredHash).WithStatus(status).Build();
        _customers.Setup(r => r.FindByEmailAsync("john.doe@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(customer);
        return customer;
    }

    private void VerifyAnswers(PasswordCheck check) =>
        _hasher.Setup(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(check);

    private static CheckCustomerCredentialsCommand Command(string email = "John.Doe@Example.com", string password = Password) =>
        new() { Email = email, Password = password };

    private void AssertVerifiedOnceAgainst(string hash, string password)
    {
        _hasher.Verify(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _hasher.Verify(h => h.VerifyAsync(hash, password, It.IsAny<CancellationToken>()), Times.Once);
    }

    private void AssertNothingSavedOrRehashed()
    {
        _hasher.Verify(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    // ---- refusals ----

    [Test]
    public async Task ReturnsBadCredentialsGivenUnknownEmailAfterVerifyingAgainstTheUnknownUserHash()
    {
        VerifyAnswers(PasswordCheck.Failed);

        var result = await _handler.Handle(Command("nobody@example.com"), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(new ServiceError("bad_credentials")));
        AssertVerifiedOnceAgainst(DummyHash, Password);
        AssertNothingSavedOrRehashed();
    }

    [Test]
    public async Task ReturnsBadCredentialsGivenUnknownEmailEvenIfTheUnknownUserHashMatched()
    {
        VerifyAnswers(PasswordCheck.Succeeded);

        var result = await _handler.Handle(Command("nobody@example.com"), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(new ServiceError("bad_credentials")));
        AssertVerifiedOnceAgainst(DummyHash, Password);
        AssertNothingSavedOrRehashed();
    }

    [Test]
    public async Task ReturnsBadCredentialsGivenWrongPassword()
    {
        var customer = Known();
        VerifyAnswers(PasswordCheck.Failed);

        var result = await _handler.Handle(Command(password: "wrong password"), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error, Is.EqualTo(new ServiceError("bad_credentials")));
            Assert.That(customer.PasswordHash, Is.EqualTo(StoredHash));
        }

        AssertVerifiedOnceAgainst(StoredHash, "wrong password");
        AssertNothingSavedOrRehashed();
    }

    [TestCase(PasswordCheck.Succeeded)]
    [TestCase(PasswordCheck.SucceededNeedsRehash)]
    public async Task ReturnsBadCredentialsGivenInactiveCustomerWithTheRightPassword(PasswordCheck check)
    {
        var customer = Known(CustomerStatus.Inactive);
        VerifyAnswers(check);

        var result = await _handler.Handle(Command(), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error, Is.EqualTo(new ServiceError("bad_credentials")));
            Assert.That(customer.PasswordHash, Is.EqualTo(StoredHash));
        }

        AssertVerifiedOnceAgainst(StoredHash, Password);
        AssertNothingSavedOrRehashed();
    }

    [Test]
    public async Task ReturnsBadCredentialsGivenInactiveCustomerWithWrongPassword()
    {
        Known(CustomerStatus.Inactive);
        VerifyAnswers(PasswordCheck.Failed);

        var result = await _handler.Handle(Command(password: "wrong password"), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(new ServiceError("bad_credentials")));
        AssertVerifiedOnceAgainst(StoredHash, "wrong password");
        AssertNothingSavedOrRehashed();
    }

    [Test]
    public async Task GivesTheSameAnswerForEveryRefusal()
    {
        VerifyAnswers(PasswordCheck.Failed);
        var unknown = await _handler.Handle(Command("nobody@example.com"), CancellationToken.None);
        Known();
        var wrong = await _handler.Handle(Command(password: "wrong password"), CancellationToken.None);
        Known(CustomerStatus.Inactive);
        VerifyAnswers(PasswordCheck.Succeeded);
        var inactive = await _handler.Handle(Command(), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknown.IsSuccess, Is.False);
            Assert.That(wrong, Is.EqualTo(unknown));
            Assert.That(inactive, Is.EqualTo(unknown));
            Assert.That(unknown.Error?.Data, Is.Null);
        }
    }

    // ---- success ----

    [Test]
    public async Task ReturnsTheCustomerIdGivenRightPasswordOfActiveCustomer()
    {
        var customer = Known();
        VerifyAnswers(PasswordCheck.Succeeded);

        var result = await _handler.Handle(Command(), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True, result.ToString());
            Assert.That(result.IsSuccess ? result.Value : null, Is.EqualTo(new CustomerIdDto(customer.Id)));
            Assert.That(customer.PasswordHash, Is.EqualTo(StoredHash));
        }

        AssertVerifiedOnceAgainst(StoredHash, Password);
        AssertNothingSavedOrRehashed();
    }

    [Test]
    public async Task LooksTheCustomerUpByTheLowerCasedEmail()
    {
        var customer = Known();
        VerifyAnswers(PasswordCheck.Succeeded);

        var result = await _handler.Handle(Command("JOHN.DOE@EXAMPLE.COM"), CancellationToken.None);

        Assert.That(result.IsSuccess ? result.Value.Id : null, Is.EqualTo(customer.Id));
        _customers.Verify(r => r.FindByEmailAsync("john.doe@example.com", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task StoresAStrongerHashAndSavesOnceWhenTheOldNeedsRehash()
    {
        var customer = Known();
        VerifyAnswers(PasswordCheck.SucceededNeedsRehash);

        var result = await _handler.Handle(Command(), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess ? result.Value : null, Is.EqualTo(new CustomerIdDto(customer.Id)));
            Assert.That(customer.PasswordHash, Is.EqualTo(NewHash));
        }

        AssertVerifiedOnceAgainst(StoredHash, Password);
        _hasher.Verify(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _hasher.Verify(h => h.HashAsync(Password, It.IsAny<CancellationToken>()), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task PassesTheCallersCancellationTokenOn()
    {
        Known();
        VerifyAnswers(PasswordCheck.SucceededNeedsRehash);
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(Command(), cancellation.Token);

        _customers.Verify(r => r.FindByEmailAsync("john.doe@example.com", cancellation.Token), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(cancellation.Token), Times.Once);
    }
}
