using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.GetCustomer;
using CustomerService.Tests.Support;
using Moq;

namespace CustomerService.Tests.Application;

public sealed class GetCustomerQueryHandlerTests
{
    [Test]
    public async Task ReturnsNotFoundGivenUnknownId()
    {
        var customers = new Mock<ICustomerRepository>();
        var handler = new GetCustomerQueryHandler(customers.Object);

        var result = await handler.Handle(new GetCustomerQuery { Id = "no-such-id" }, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error?.Code, Is.EqualTo("customer_not_found"));
            Assert.That(result.Error?.Data, Is.EqualTo(new EntityIdErrorData("no-such-id")));
        }
    }

    [Test]
    public async Task ReturnsTheCustomerGivenKnownId()
    {
        var customer = new CustomerBuilder().WithAddresses(CustomerBuilder.Address()).Build();
        var customers = new Mock<ICustomerRepository>();
        customers.Setup(r => r.FindForReadAsync(customer.Id, It.IsAny<CancellationToken>())).ReturnsAsync(customer);
        var handler = new GetCustomerQueryHandler(customers.Object);

        var result = await handler.Handle(new GetCustomerQuery { Id = customer.Id }, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value, Is.EqualTo(customer.ToDto()).Using(CustomerDtoComparer.Instance));
        Assert.That(result.Value.Id, Is.EqualTo(customer.Id));
    }
}
