using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api.MultiInstance;

// The sign-in throttle lives in the database: failures counted through either instance add up.
public sealed partial class TwoInstanceSequenceTests
{
    [Test]
    public async Task FailuresThroughBothInstancesShareOneThrottle()
    {
        var email = CustomerRequests.UniqueEmail("shared-throttle");
        await CreateOnAAsync(CustomerRequests.Create(email));
        var wrong = new JsonObject { ["email"] = email, ["password"] = "not the password" };

        var answers = new List<ApiResponse>();
        foreach (var via in new[] { A, B, A, B, A })
        {
            answers.Add(await via.PostAsync("customer.checkCredentials", wrong.DeepClone()));
        }

        var onB = await B.PostAsync("customer.checkCredentials", wrong.DeepClone());
        var onA = await A.PostAsync("customer.checkCredentials", wrong.DeepClone());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(HttpStatusCode.Unauthorized));
            ApiAssert.Error(onB, HttpStatusCode.TooManyRequests, "too_many_attempts");
            ApiAssert.Error(onA, HttpStatusCode.TooManyRequests, "too_many_attempts");
            Assert.That(onB.RetryAfter, Is.EqualTo("1"));
        }
    }

    [Test]
    public async Task ParallelFailuresOnBothInstancesAllCount()
    {
        var email = CustomerRequests.UniqueEmail("racing-throttle");
        await CreateOnAAsync(CustomerRequests.Create(email));
        var wrong = new JsonObject { ["email"] = email, ["password"] = "not the password" };

        var answers = await Task.WhenAll(new[] { A, B, A, B, A }.Select(via => via.PostAsync("customer.checkCredentials", wrong.DeepClone())));
        var next = await B.PostAsync("customer.checkCredentials", wrong.DeepClone());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(HttpStatusCode.Unauthorized));
            ApiAssert.Error(next, HttpStatusCode.TooManyRequests, "too_many_attempts");
        }
    }
}
