using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.RemoveCustomer;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class RemoveCustomerCommandHandlerTests
{
    private Mock<ICustomerRepository> _customers = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private RemoveCustomerCommandHandler _handler = null!;
    private Customer _customer = null!;
    private List<string> _calls = null!;

    [SetUp]
    public void SetUp()
    {
        _calls = [];
        _customers = new Mock<ICustomerRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _customer = new CustomerBuilder().WithAddresses(CustomerBuilder.Address()).Build();
        _customers.Setup(r => r.GetAsync(_customer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_customer);
        _customers.Setup(r => r.Remove(It.IsAny<Customer>())).Callback(() => _calls.Add("Remove"));
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).Callback(() => _calls.Add("Save")).Returns(Task.CompletedTask);
        _handler = new RemoveCustomerCommandHandler(_customers.Object, _unitOfWork.Object);
    }

    [Test]
    public async Task ReturnsNotFoundAndRemovesNothingGivenUnknownId()
    {
        var result = await _handler.Handle(new RemoveCustomerCommand { Id = "unknown-id" }, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error?.Code, Is.EqualTo("customer_not_found"));
            Assert.That(result.Error?.Data, Is.EqualTo(new EntityIdErrorData("unknown-id")));
        }

        _customers.Verify(r => r.Remove(It.IsAny<Customer>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task RemovesTheLoadedCustomerThenSavesOnce()
    {
        var result = await _handler.Handle(new RemoveCustomerCommand { Id = _customer.Id }, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Value, Is.EqualTo(new RemovedCustomer(_customer.Id)));
            Assert.That(_calls, Is.EqualTo((string[])["Remove", "Save"]));
        }

        _customers.Verify(r => r.Remove(_customer), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task PassesTheCallersCancellationTokenOn()
    {
        using var cancellation = new CancellationTokenSource();

        await _handler.Handle(new RemoveCustomerCommand { Id = _customer.Id }, cancellation.Token);

        _customers.Verify(r => r.GetAsync(_customer.Id, cancellation.Token), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(cancellation.Token), Times.Once);
    }
}
