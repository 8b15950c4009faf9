using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using static CustomerService.Tests.Api.MultiInstance.Steps;

namespace CustomerService.Tests.Api.MultiInstance;

// customer.remove through A after A and then B changed the customer: with no version, or with one.
public sealed partial class TwoInstanceSequenceTests
{
    [Test]
    public async Task RemoveWithoutVersionOnAAfterBChangedRemovesIt()
    {
        var customer = await ChangedOnAThenOnBAsync();

        var removed = await A.PostAsync("customer.remove", new JsonObject { ["id"] = IdOf(customer) });

        ApiAssert.Success(removed);
        AssertGone(await InfoAsync(A, IdOf(customer)), "A");
        AssertGone(await InfoAsync(B, IdOf(customer)), "B");
    }

    [Test]
    public async Task RemoveWithStaleVersionOnAIsRefusedWithTheStoredVersion()
    {
        var customer = await ChangedOnAThenOnBAsync();
        var stale = customer["version"]!.GetValue<int>() - 1;

        var refused = await A.PostAsync("customer.remove", new JsonObject { ["id"] = IdOf(customer), ["version"] = stale });

        ApiAssert.Error(refused, HttpStatusCode.Conflict, "version_conflict");
        var stored = await StoredAsync(B, IdOf(customer));
        Assert.That(refused.Data!.ToJsonString(), Is.EqualTo(new JsonObject
        {
            ["id"] = IdOf(customer),
            ["expected"] = stale,
            ["actual"] = stored["version"]!.GetValue<int>(),
        }.ToJsonString()), refused.Text);
    }

    [Test]
    public async Task RemoveWithTheStoredVersionOnARemovesIt()
    {
        var customer = await ChangedOnAThenOnBAsync();

        var removed = await A.PostAsync("customer.remove", new JsonObject { ["id"] = IdOf(customer), ["version"] = customer["version"]!.GetValue<int>() });

        ApiAssert.Success(removed);
        AssertGone(await InfoAsync(A, IdOf(customer)), "A");
        AssertGone(await InfoAsync(B, IdOf(customer)), "B");
    }

    /// <summary>A customer changed through A and then through B, as B answered it (so at the stored version).</summary>
    private async Task<JsonObject> ChangedOnAThenOnBAsync()
    {
        var customer = await CreateOnAAsync();
        customer = await SucceedAsync(A, Update("firstName", "Xavier"), customer);
        return await SucceedAsync(B, Update("lastName", "Young"), customer);
    }
}
