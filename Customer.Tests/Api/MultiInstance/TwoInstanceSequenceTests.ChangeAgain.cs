using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api.MultiInstance;

// A change through A, one through B, then another through A. The third answer must be the truth:
// what B reads afterwards is exactly the customer A answered with, and what A acknowledged is stored.
public sealed partial class TwoInstanceSequenceTests
{
    [TestCaseSource(typeof(ChangeAgainCases), nameof(ChangeAgainCases.All))]
    public async Task ThirdChangeIsAnsweredAsStored(ChangeAgainCase change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var customer = await CreateOnAAsync();
        customer = await SucceedAsync(A, change.OnA, customer);
        customer = await SucceedAsync(B, change.OnB, customer);

        var third = await CallAsync(A, change.AgainOnA, customer);
        ApiAssert.Success(third);
        var stored = await StoredAsync(B, Steps.IdOf(customer));

        Assert.Multiple(() =>
        {
            Assert.That(stored.ToJsonString(), Is.EqualTo(third.Customer.ToJsonString()),
                "customer.info via B must return exactly the customer A answered the third change with");
            change.Stored(stored);
        });
    }
}
