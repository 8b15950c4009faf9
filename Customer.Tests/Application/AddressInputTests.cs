using CustomerService.Application.Customers.Common;
using CustomerService.Application.Customers.CreateCustomerAddress;

namespace CustomerService.Tests.Application;

public sealed class AddressInputTests
{
    [Test]
    public void AMissingRequiredFieldIsReportedAsRequiredAndAnEmptyOneAsEmpty()
    {
        var validator = new CreateCustomerAddressCommandValidator();
        var command = new CreateCustomerAddressCommand
        {
            CustomerId = "c1",
            Addresses =
            [
                new AddressInput { Name = "Home", FirstName = "Ada", Address1 = "1 St", PostCode = "1", State = "S", Country = "GB" },
                new AddressInput { Name = "Work", FirstName = "Ada", Address1 = "1 St", PostCode = "1", City = " ", State = "S", Country = "GB" },
            ],
        };

        var messages = validator.Validate(command).Errors.Select(e => e.ErrorMessage);

        Assert.That(messages, Is.EqualTo(new[] { "addresses[0].city is required", "addresses[1].city must not be empty" }));
    }
}
