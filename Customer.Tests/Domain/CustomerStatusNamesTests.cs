using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;

namespace CustomerService.Tests.Domain;

public sealed class CustomerStatusNamesTests
{
    [TestCase("ACTIVE", CustomerStatus.Active)]
    [TestCase("INACTIVE", CustomerStatus.Inactive)]
    public void ParseAcceptsExactUpperCaseName(string name, CustomerStatus expected)
    {
        Assert.That(CustomerStatusNames.Parse(name), Is.EqualTo(expected));
    }

    [TestCase("active")]
    [TestCase("Active")]
    [TestCase(" ACTIVE")]
    [TestCase("ACTIVE ")]
    [TestCase("DELETED")]
    [TestCase("")]
    public void ParseRejectsAnyOtherName(string name)
    {
        var ex = Assert.Throws<DomainRuleViolationException>(() => CustomerStatusNames.Parse(name));

        Assert.That(ex.Field, Is.EqualTo("status"));
    }

    [TestCase(CustomerStatus.Active, "ACTIVE")]
    [TestCase(CustomerStatus.Inactive, "INACTIVE")]
    public void ToNameGivesWireName(CustomerStatus status, string expected)
    {
        Assert.That(status.ToName(), Is.EqualTo(expected));
    }
}
