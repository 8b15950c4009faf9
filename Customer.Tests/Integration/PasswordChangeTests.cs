using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

/// <summary>customer.password.change over HTTP.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class PasswordChangeTests(DatabaseKind database) : HttpFixture(database)
{
    private const string Password = "correct horse battery";
    private const string NewPassword = "a new horse, a new battery";

    [Test]
    public async Task ChangesThePasswordRaisesTheVersionAndAnswersOnlyOk()
    {
        var (id, email) = await CreateAsync();
        var before = await Factory.GetStoredAsync(id);

        var response = await ChangeAsync(id, Password, NewPassword);

        EnvelopeAssert.IsExactly(response, HttpStatusCode.OK, """{"ok":true}""");
        var after = await Factory.GetStoredAsync(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Version, Is.EqualTo(before.Version + 1));
            Assert.That(after.PasswordHash, Is.Not.EqualTo(before.PasswordHash));
            Assert.That(after.UpdatedAt, Is.GreaterThanOrEqualTo(before.UpdatedAt));
            Assert.That(after with { PasswordHash = before.PasswordHash, Version = before.Version, UpdatedAt = before.UpdatedAt }, Is.EqualTo(before), "nothing else changed");
        }

        ApiAssert.Error(await CheckAsync(email, Password), HttpStatusCode.Unauthorized, "bad_credentials");
        ApiAssert.Success(await CheckAsync(email, NewPassword));
    }

    [Test]
    public async Task AWrongCurrentPasswordIsBadCredentialsAndChangesNothing()
    {
        var (id, email) = await CreateAsync();
        var before = await Factory.GetStoredAsync(id);

        var response = await ChangeAsync(id, "not the password", NewPassword);

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Unauthorized, """{"ok":false,"error":"bad_credentials"}""");
        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
        ApiAssert.Success(await CheckAsync(email, Password));
    }

    [Test]
    public async Task AnUnknownIdIsCustomerNotFound()
    {
        var response = await ChangeAsync("HkhhuXESl", Password, NewPassword);

        EnvelopeAssert.IsExactly(response, HttpStatusCode.NotFound, """{"ok":false,"error":"customer_not_found","data":{"id":"HkhhuXESl"}}""");
    }

    [TestCase("short12", "newPassword")]
    [TestCase(null, "newPassword")]
    public async Task TheNewPasswordFollowsTheCreateRules(string? newPassword, string field)
    {
        var (id, _) = await CreateAsync();
        var before = await Factory.GetStoredAsync(id);

        var response = await ChangeAsync(id, Password, newPassword);

        EnvelopeAssert.IsValidationError(response, field);
        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task ANewPasswordOf257CharactersIsRefusedAnd256Accepted()
    {
        var (id, email) = await CreateAsync();

        EnvelopeAssert.IsValidationError(await ChangeAsync(id, Password, new string('x', 257)), "newPassword");
        ApiAssert.Success(await ChangeAsync(id, Password, new string('x', 256)));
        ApiAssert.Success(await CheckAsync(email, new string('x', 256)));
    }

    [TestCase("""{"password":"correct horse battery","newPassword":"a new horse, a new battery"}""", "id")]
    [TestCase("""{"id":"x","newPassword":"a new horse, a new battery"}""", "password")]
    [TestCase("""{"id":"x","password":"","newPassword":"a new horse, a new battery"}""", "password")]
    [TestCase("""{"id":"x","password":7,"newPassword":"a new horse, a new battery"}""", "password")]
    [TestCase("""{"id":"x","password":"p","newPassword":"a new horse","extra":1}""", "extra")]
    public async Task MalformedRequestsAreValidationErrors(string body, string field)
    {
        var response = await Client.PostRawAsync("customer.password.change", body);

        EnvelopeAssert.IsValidationError(response, field);
        Assert.That(response.Text, Does.Not.Contain("correct horse battery").And.Not.Contain("a new horse"));
    }

    [Test]
    public async Task TheAnswersNeverContainAPassword()
    {
        var (id, _) = await CreateAsync();

        var refused = await ChangeAsync(id, "wrong-" + Password, NewPassword);
        var changed = await ChangeAsync(id, Password, NewPassword);

        Assert.That(refused.Text + changed.Text, Does.Not.Contain(Password).And.Not.Contain(NewPassword));
    }

    private async Task<(string Id, string Email)> CreateAsync()
    {
        var email = CustomerRequests.UniqueEmail("change");
        var body = CustomerRequests.Create(email);
        body["password"] = Password;
        return (await Client.CreateCustomerAsync(body), email);
    }

    private Task<ApiResponse> ChangeAsync(string id, string password, string? newPassword) =>
        Client.PostAsync("customer.password.change", new JsonObject { ["id"] = id, ["password"] = password, ["newPassword"] = newPassword });

    private Task<ApiResponse> CheckAsync(string email, string password) =>
        Client.PostAsync("customer.checkCredentials", new JsonObject { ["email"] = email, ["password"] = password });
}
