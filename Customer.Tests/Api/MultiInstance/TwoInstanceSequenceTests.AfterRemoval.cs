using System.Net;
using CustomerService.Tests.Support;
using static CustomerService.Tests.Api.MultiInstance.Steps;

namespace CustomerService.Tests.Api.MultiInstance;

// A changes a customer (and so holds it as it saved it), B removes it, then A is asked to change it:
// every change command answers customer_not_found, never a 5xx, a conflict or a success.
public sealed partial class TwoInstanceSequenceTests
{
    public static IEnumerable<TestCaseData> ChangesAfterRemoval()
    {
        yield return AfterRemoval("UpdateOnAAfterBRemovedAnswersNotFound", Update("firstName", "Yolanda"));
        yield return AfterRemoval("UpdateRepeatingTheValueAHeldOnAAfterBRemovedAnswersNotFound", Update("firstName", "Xavier"));
        yield return AfterRemoval("AddressCreateOnAAfterBRemovedAnswersNotFound", AddAddress("Home"));
        yield return AfterRemoval("AddressUpdateOnAAfterBRemovedAnswersNotFound", UpdateAddress("Work", "city", "Peoria"));
        yield return AfterRemoval("AddressRemoveOnAAfterBRemovedAnswersNotFound", RemoveAddress("Work"));
        yield return AfterRemoval("RemoveOnAAfterBRemovedAnswersNotFound", Remove());
    }

    [TestCaseSource(nameof(ChangesAfterRemoval))]
    public async Task ChangeOnAAfterBRemovedAnswersCustomerNotFound(CallStep change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var customer = await CreateOnAAsync();
        customer = await SucceedAsync(A, Update("firstName", "Xavier"), customer);
        ApiAssert.Success(await CallAsync(B, Remove(), customer));

        var answer = await CallAsync(A, change, customer);

        Assert.That((answer.Status, answer.Error), Is.EqualTo((HttpStatusCode.NotFound, "customer_not_found")), answer.Text);
        AssertGone(await InfoAsync(A, IdOf(customer)), "A");
    }

    private static TestCaseData AfterRemoval(string name, CallStep change) => new TestCaseData(change).SetName(name);
}
