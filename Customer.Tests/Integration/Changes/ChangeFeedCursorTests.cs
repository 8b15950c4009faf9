using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration.Changes;

/// <summary>A cursor the feed did not give out is refused as <c>validation_error</c>, and reads nothing.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class ChangeFeedCursorTests(DatabaseKind database) : HttpFixture(database)
{
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("not-a-cursor")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("%%%%")]
    public async Task AMalformedCursorIsAValidationErrorOnAfter(string after)
    {
        var response = await Client.PostAsync("customer.changes", new JsonObject { ["after"] = after });

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.Data![0]!["field"]!.GetValue<string>(), Is.EqualTo("after"));
    }

    [Test]
    public async Task ACursorWithOneCharacterChangedIsRefused()
    {
        await Client.CreateCustomerAsync();
        var (_, next) = await Client.ReadPageAsync(null, limit: 1);

        for (var i = 0; i < next.Length; i++)
        {
            var tampered = next[..i] + (next[i] == 'A' ? 'B' : 'A') + next[(i + 1)..];
            var response = await Client.PostAsync("customer.changes", new JsonObject { ["after"] = tampered });
            ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        }
    }

    [Test]
    public async Task AnAfterThatIsNotAStringIsAValidationError()
    {
        var response = await Client.PostAsync("customer.changes", new JsonObject { ["after"] = 42 });

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
    }

    [Test]
    public async Task TheReadScopeIsEnoughAndTheWriteScopeAloneIsNot()
    {
        using var reader = new ApiClient(Factory.CreateClient(), Factory.Tokens.WithScopes(TestTokens.ReadScope));
        using var writer = new ApiClient(Factory.CreateClient(), Factory.Tokens.WithScopes(TestTokens.WriteScope));
        using var anonymous = new ApiClient(Factory.CreateClient(), null);

        ApiAssert.Success(await reader.PostAsync("customer.changes", new JsonObject()));
        ApiAssert.Error(await writer.PostAsync("customer.changes", new JsonObject()), HttpStatusCode.Forbidden, "forbidden");
        ApiAssert.Error(await anonymous.PostAsync("customer.changes", new JsonObject()), HttpStatusCode.Unauthorized, "invalid_token");
    }
}
