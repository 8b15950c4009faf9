using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

/// <summary>customer.checkCredentials over HTTP.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CheckCredentialsTests(DatabaseKind database) : HttpFixture(database)
{
    private const string Password = "correct horse battery";

    [Test]
    public async Task TheRightPasswordOfAnActiveCustomerAnswersOnlyItsId()
    {
        var (id, email) = await CreateAsync("ACTIVE");

        var response = await CheckAsync(email, Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        ApiAssert.BodyIs(response, new JsonObject { ["ok"] = true, ["customer"] = new JsonObject { ["id"] = id } });
    }

    [Test]
    public async Task TheEmailMatchesIgnoringCase()
    {
        var (id, email) = await CreateAsync("ACTIVE");

        var response = await CheckAsync(email.ToUpperInvariant(), Password);

        ApiAssert.Success(response);
        Assert.That(response.Customer["id"]!.GetValue<string>(), Is.EqualTo(id));
    }

    [Test]
    public async Task AWrongPasswordAndAnUnknownEmailGetTheSameAnswer()
    {
        var (_, email) = await CreateAsync("ACTIVE");

        var wrongPassword = await CheckAsync(email, "not the password");
        var unknownEmail = await CheckAsync(CustomerRequests.UniqueEmail("nobody"), Password);

        ApiAssert.Error(wrongPassword, HttpStatusCode.Unauthorized, "bad_credentials");
        ApiAssert.Error(unknownEmail, HttpStatusCode.Unauthorized, "bad_credentials");
        ApiAssert.BodyIs(wrongPassword, new JsonObject { ["ok"] = false, ["error"] = "bad_credentials" });
        Assert.That(unknownEmail.Text, Is.EqualTo(wrongPassword.Text));
    }

    [Test]
    public async Task ThePasswordIsCaseSensitive()
    {
        var (_, email) = await CreateAsync("ACTIVE");

        var response = await CheckAsync(email, Password.ToUpperInvariant());

        ApiAssert.Error(response, HttpStatusCode.Unauthorized, "bad_credentials");
    }

    [Test]
    public async Task AnInactiveCustomerIsRefusedEvenWithTheRightPassword()
    {
        var (_, email) = await CreateAsync("INACTIVE");

        var response = await CheckAsync(email, Password);

        ApiAssert.Error(response, HttpStatusCode.Unauthorized, "bad_credentials");
        ApiAssert.BodyIs(response, new JsonObject { ["ok"] = false, ["error"] = "bad_credentials" });
    }

    [Test]
    public async Task ACustomerMadeInactiveIsRefusedAndAcceptedAgainWhenReactivated()
    {
        var (id, email) = await CreateAsync("ACTIVE");
        ApiAssert.Success(await CheckAsync(email, Password));

        ApiAssert.Success(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["status"] = "INACTIVE" }));
        ApiAssert.Error(await CheckAsync(email, Password), HttpStatusCode.Unauthorized, "bad_credentials");

        ApiAssert.Success(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["status"] = "ACTIVE" }));
        ApiAssert.Success(await CheckAsync(email, Password));
    }

    [Test]
    public async Task ARemovedCustomerCanNoLongerLogIn()
    {
        var (id, email) = await CreateAsync("ACTIVE");
        ApiAssert.Success(await Client.PostAsync("customer.remove", new JsonObject { ["id"] = id }));

        ApiAssert.Error(await CheckAsync(email, Password), HttpStatusCode.Unauthorized, "bad_credentials");
    }

    [Test]
    public async Task ThePasswordNeverAppearsInAResponse()
    {
        var (_, email) = await CreateAsync("ACTIVE");

        var success = await CheckAsync(email, Password);
        var failure = await CheckAsync(email, Password + "!");

        Assert.That(success.Text, Does.Not.Contain(Password).And.Not.Contain("password").IgnoreCase);
        Assert.That(failure.Text, Does.Not.Contain(Password).And.Not.Contain("password").IgnoreCase);
    }

    [TestCase("{\"password\":\"correct horse battery\"}", "email")]
    [TestCase("{\"email\":\"a@example.com\"}", "password")]
    [TestCase("{\"email\":\"\",\"password\":\"correct horse battery\"}", "email")]
    [TestCase("{\"email\":\"a@example.com\",\"password\":\"\"}", "password")]
    [TestCase("{\"email\":null,\"password\":\"correct horse battery\"}", "email")]
    [TestCase("{\"email\":\"a@example.com\",\"password\":7}", "password")]
    public async Task MissingOrMalformedFieldsAreValidationErrors(string body, string field)
    {
        var response = await Client.PostRawAsync("customer.checkCredentials", body);

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.ErrorFields, Does.Contain(field));
        Assert.That(response.Text, Does.Not.Contain(Password));
    }

    [Test]
    public async Task AnEmptyBodyIsAValidationErrorForBothFields()
    {
        var response = await Client.PostAsync("customer.checkCredentials", new JsonObject());

        ApiAssert.Error(response, HttpStatusCode.BadRequest, "validation_error");
        Assert.That(response.ErrorFields, Is.SupersetOf(new[] { "email", "password" }));
    }

    private async Task<(string Id, string Email)> CreateAsync(string status)
    {
        var email = CustomerRequests.UniqueEmail("login");
        var body = CustomerRequests.Create(email);
        body["status"] = status;
        body["password"] = Password;
        return (await Client.CreateCustomerAsync(body), email);
    }

    private Task<ApiResponse> CheckAsync(string email, string password) =>
        Client.PostAsync("customer.checkCredentials", new JsonObject { ["email"] = email, ["password"] = password });
}
