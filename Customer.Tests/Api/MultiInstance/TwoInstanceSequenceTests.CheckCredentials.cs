using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using static CustomerService.Tests.Api.MultiInstance.Steps;

namespace CustomerService.Tests.Api.MultiInstance;

// customer.checkCredentials through A follows the status B last stored.
public sealed partial class TwoInstanceSequenceTests
{
    [Test]
    public async Task CheckCredentialsOnAIsRefusedAfterBDeactivatedAndAcceptedAfterBReactivated()
    {
        var created = CustomerRequests.Create(CustomerRequests.UniqueEmail("credentials"));
        var customer = await CreateOnAAsync(created.DeepClone().AsObject());
        var credentials = new JsonObject { ["email"] = created["email"]!.DeepClone(), ["password"] = created["password"]!.DeepClone() };
        ApiAssert.Success(await A.PostAsync("customer.checkCredentials", credentials.DeepClone()));

        customer = await SucceedAsync(B, Update("status", "INACTIVE"), customer);
        var whileInactive = await A.PostAsync("customer.checkCredentials", credentials.DeepClone());
        await SucceedAsync(B, Update("status", "ACTIVE"), customer);
        var afterReactivation = await A.PostAsync("customer.checkCredentials", credentials.DeepClone());

        Assert.Multiple(() =>
        {
            ApiAssert.Error(whileInactive, HttpStatusCode.Unauthorized, "bad_credentials");
            ApiAssert.Success(afterReactivation);
            Assert.That(afterReactivation.Body["customer"]?["id"]?.GetValue<string>(), Is.EqualTo(IdOf(customer)), afterReactivation.Text);
        });
    }
}
