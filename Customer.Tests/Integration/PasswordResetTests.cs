using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Application.Common.Security;
using CustomerService.Domain.Customers;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Integration;

/// <summary>customer.password.resetToken and customer.password.reset over HTTP, on a clock the tests move.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class PasswordResetTests(DatabaseKind database) : ClockedHttpFixture(database)
{
    private const string NewPassword = "a new horse, a new battery";

    [Test]
    public async Task IssuesAUrlSafeRandomTokenValidForAnHourForTheEmailInAnyCase()
    {
        var (_, email) = await CreateAsync();

        var response = await IssueAsync(email.ToUpperInvariant());

        ApiAssert.Success(response);
        var body = response.Body;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(EnvelopeAssert.Keys(body), Is.EqualTo(new[] { "ok", "token", "expiresAt" }));
            Assert.That(body["token"]!.GetValue<string>(), Does.Match("^[A-Za-z0-9_-]{43}$"), "256 random bits, base64url");
            Assert.That(body["expiresAt"]!.GetValue<DateTime>().ToUniversalTime(), Is.EqualTo(Service.Clock.UtcNow.AddHours(1)));
            Assert.That(body["expiresAt"]!.GetValue<string>(), Does.EndWith("Z"));
        }
    }

    [Test]
    public async Task TwoTokensAreNeverTheSame()
    {
        var (_, email) = await CreateAsync();

        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            tokens.Add(await IssueTokenAsync(email));
        }

        Assert.That(tokens, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task OnlyTheTokensHashIsStored()
    {
        var (id, email) = await CreateAsync();

        var token = await IssueTokenAsync(email);

        var stored = await Factory.WithDatabaseAsync(db => db.Set<PasswordResetToken>().AsNoTracking().SingleAsync(t => t.CustomerId == id));
        Assert.That(stored.TokenHash, Is.EqualTo(PasswordResetTokenCodec.HashOf(token)).And.Not.Contain(token));
    }

    [Test]
    public async Task AnUnknownEmailIsCustomerNotFound()
    {
        var email = CustomerRequests.UniqueEmail("Nobody");

        var response = await IssueAsync(email);

        EnvelopeAssert.IsExactly(response, HttpStatusCode.NotFound, $$$"""{"ok":false,"error":"customer_not_found","data":{"email":"{{{email}}}"}}""");
    }

    [Test]
    public async Task AResetSetsThePasswordRaisesTheVersionAndAnswersTheCustomersId()
    {
        var (id, email) = await CreateAsync();
        var token = await IssueTokenAsync(email);
        var before = await Factory.GetStoredAsync(id);

        var response = await ResetAsync(token, NewPassword);

        ApiAssert.BodyIs(response, new JsonObject { ["ok"] = true, ["customer"] = new JsonObject { ["id"] = id } });
        Assert.That((await Factory.GetStoredAsync(id)).Version, Is.EqualTo(before.Version + 1));
        ApiAssert.Error(await CheckAsync(email, Password), HttpStatusCode.Unauthorized, "bad_credentials");
        ApiAssert.Success(await CheckAsync(email, NewPassword));
    }

    [Test]
    public async Task IssuingATokenChangesNeitherTheCustomerNorItsVersion()
    {
        var (id, email) = await CreateAsync();
        var before = await Factory.GetStoredAsync(id);

        await IssueTokenAsync(email);

        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task AUsedTokenIsInvalid()
    {
        var (_, email) = await CreateAsync();
        var token = await IssueTokenAsync(email);
        ApiAssert.Success(await ResetAsync(token, NewPassword));

        await AssertInvalidAndChangesNothingAsync(email, token, NewPassword);
    }

    [Test]
    public async Task AnUnknownTokenIsInvalid()
    {
        var (_, email) = await CreateAsync();
        await IssueTokenAsync(email);

        await AssertInvalidAndChangesNothingAsync(email, PasswordResetTokenCodec.NewToken(), Password);
        await AssertInvalidAndChangesNothingAsync(email, "not-a-token", Password);
    }

    [Test]
    public async Task ATokenSupersededByALaterOneIsInvalidAndTheLaterOneWorks()
    {
        var (_, email) = await CreateAsync();
        var first = await IssueTokenAsync(email);
        var second = await IssueTokenAsync(email);

        await AssertInvalidAndChangesNothingAsync(email, first, Password);
        ApiAssert.Success(await ResetAsync(second, NewPassword));
    }

    [Test]
    public async Task APasswordChangeInvalidatesTheOutstandingToken()
    {
        var (id, email) = await CreateAsync();
        var token = await IssueTokenAsync(email);
        ApiAssert.Success(await Clocked.PostAsync("customer.password.change", new JsonObject { ["id"] = id, ["password"] = Password, ["newPassword"] = NewPassword }));

        await AssertInvalidAndChangesNothingAsync(email, token, NewPassword);
    }

    [Test]
    public async Task ATokenExpiresAfterItsLifetime()
    {
        var (_, email) = await CreateAsync();
        var lastMoment = await IssueTokenAsync(email);
        Service.Advance(TimeSpan.FromHours(1) - TimeSpan.FromMilliseconds(1));
        ApiAssert.Success(await ResetAsync(lastMoment, NewPassword));

        var expired = await IssueTokenAsync(email);
        Service.Advance(TimeSpan.FromHours(1));
        await AssertInvalidAndChangesNothingAsync(email, expired, NewPassword);
    }

    [Test]
    public async Task TheLifetimeIsASetting()
    {
        using var factory = NewFactory(new Dictionary<string, string> { ["Security:PasswordReset:TokenLifetime"] = "00:05:00" });
        using var service = new ClockedService(factory);
        var email = CustomerRequests.UniqueEmail("lifetime");
        ApiAssert.Success(await service.Client.PostAsync("customer.create", CustomerRequests.Create(email)));

        var response = await service.Client.PostAsync("customer.password.resetToken", new JsonObject { ["email"] = email });

        Assert.That(response.Body["expiresAt"]!.GetValue<DateTime>().ToUniversalTime(), Is.EqualTo(service.Clock.UtcNow.AddMinutes(5)));
    }

    [Test]
    public async Task AResetClearsTheSignInThrottleOfTheEmail()
    {
        var (_, email) = await CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            ApiAssert.Error(await CheckAsync(email, "not the password"), HttpStatusCode.Unauthorized, "bad_credentials");
        }

        ApiAssert.Error(await CheckAsync(email, Password), HttpStatusCode.TooManyRequests, "too_many_attempts");

        ApiAssert.Success(await ResetAsync(await IssueTokenAsync(email), NewPassword));

        ApiAssert.Success(await CheckAsync(email, NewPassword));
    }

    [Test]
    public async Task ARemovedCustomersTokenIsInvalid()
    {
        var (id, email) = await CreateAsync();
        var token = await IssueTokenAsync(email);
        ApiAssert.Success(await Clocked.PostAsync("customer.remove", new JsonObject { ["id"] = id }));

        EnvelopeAssert.IsExactly(await ResetAsync(token, NewPassword), HttpStatusCode.BadRequest, """{"ok":false,"error":"invalid_reset_token"}""");
    }

    [TestCase("""{"newPassword":"a new horse, a new battery"}""", "token")]
    [TestCase("""{"token":"","newPassword":"a new horse, a new battery"}""", "token")]
    [TestCase("""{"token":7,"newPassword":"a new horse, a new battery"}""", "token")]
    [TestCase("""{"token":"abc"}""", "newPassword")]
    [TestCase("""{"token":"abc","newPassword":"short"}""", "newPassword")]
    public async Task MalformedResetsAreValidationErrors(string body, string field)
    {
        EnvelopeAssert.IsValidationError(await Clocked.PostRawAsync("customer.password.reset", body), field);
    }

    [Test]
    public async Task AValidTokenWithATooShortPasswordIsRefusedAndStaysUsable()
    {
        var (_, email) = await CreateAsync();
        var token = await IssueTokenAsync(email);

        EnvelopeAssert.IsValidationError(await ResetAsync(token, "short"), "newPassword");

        ApiAssert.Success(await ResetAsync(token, NewPassword));
    }

    [TestCase("{}", "email")]
    [TestCase("""{"email":""}""", "email")]
    [TestCase("""{"email":42}""", "email")]
    public async Task MalformedTokenRequestsAreValidationErrors(string body, string field)
    {
        EnvelopeAssert.IsValidationError(await Clocked.PostRawAsync("customer.password.resetToken", body), field);
    }

    private async Task AssertInvalidAndChangesNothingAsync(string email, string token, string currentPassword)
    {
        var id = ApiAssert.Ids(await Clocked.PostAsync("customer.list", new JsonObject { ["email"] = email })).Single();
        var before = await Factory.GetStoredAsync(id);

        var response = await ResetAsync(token, "yet another password");

        EnvelopeAssert.IsExactly(response, HttpStatusCode.BadRequest, """{"ok":false,"error":"invalid_reset_token"}""");
        Assert.That(await Factory.GetStoredAsync(id), Is.EqualTo(before));
        ApiAssert.Success(await CheckAsync(email, currentPassword));
    }

    private Task<(string Id, string Email)> CreateAsync() => CreateWithPasswordAsync("reset");

    private Task<ApiResponse> IssueAsync(string email) =>
        Clocked.PostAsync("customer.password.resetToken", new JsonObject { ["email"] = email });

    private async Task<string> IssueTokenAsync(string email)
    {
        var response = await IssueAsync(email);
        ApiAssert.Success(response);
        return response.Body["token"]!.GetValue<string>();
    }

    private Task<ApiResponse> ResetAsync(string token, string newPassword) =>
        Clocked.PostAsync("customer.password.reset", new JsonObject { ["token"] = token, ["newPassword"] = newPassword });

}
