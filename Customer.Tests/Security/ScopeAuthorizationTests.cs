using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using CustomerService.Api.Authorization;
using CustomerService.Api.Controllers;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;
using CustomerService.Domain.Customers;

namespace CustomerService.Tests.Security;

/// <summary>Read methods need the read scope, every other method the write scope; otherwise 403 forbidden.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class ScopeAuthorizationTests(DatabaseKind database) : HttpFixture(database)
{
    private const string Forbidden = """{"ok":false,"error":"forbidden"}""";

    private static readonly string[] ReadMethods = ["customer.info", "customer.list", "customer.address.info"];

    private static readonly string[] PostMethods =
    [
        "customer.create", "customer.info", "customer.update", "customer.list", "customer.remove", "customer.checkCredentials",
        "customer.address.create", "customer.address.info", "customer.address.update", "customer.address.remove",
        "customer.password.change", "customer.password.resetToken", "customer.password.reset",
    ];

    private static readonly string[] WriteMethods = [.. PostMethods.Except(ReadMethods)];

    private string _customerId = null!;
    private string _addressId = null!;
    private string _email = null!;
    private string _resetToken = null!;

    [OneTimeSetUp]
    public async Task CreateACustomer()
    {
        var customer = await CreateAsync();
        _customerId = customer["id"]!.GetValue<string>();
        _addressId = customer["addresses"]![0]!["id"]!.GetValue<string>();
        _email = customer["email"]!.GetValue<string>();
        var issued = await Client.PostAsync("customer.password.resetToken", new JsonObject { ["email"] = _email });
        _resetToken = issued.Body["token"]!.GetValue<string>();
    }

    [Test]
    public async Task AReadOnlyTokenCanCallEveryReadMethodByPostAndGet()
    {
        using var reader = ClientWith(Factory.Tokens.WithScopes(TestTokens.ReadScope));

        await AssertAllReadsSucceed(reader);
    }

    [TestCaseSource(nameof(WriteMethods))]
    public async Task AReadOnlyTokenCannotWriteAndChangesNothing(string method)
    {
        using var reader = ClientWith(Factory.Tokens.WithScopes(TestTokens.ReadScope));
        var before = await Factory.GetStoredAsync(_customerId);
        var newEmail = CustomerRequests.UniqueEmail("reader");

        var response = await reader.PostAsync(method, WriteBody(method, newEmail));

        EnvelopeAssert.IsExactly(response, HttpStatusCode.Forbidden, Forbidden);
        Assert.That(await Factory.GetStoredAsync(_customerId), Is.EqualTo(before));
        Assert.That(await Factory.CountWithEmailAsync(newEmail), Is.Zero);
    }

    [TestCase("customer.password.change")]
    [TestCase("customer.password.resetToken")]
    [TestCase("customer.password.reset")]
    public async Task AReadOnlyTokenCannotUseThePasswordMethodsAndTheResetTokenStaysAsItWas(string method)
    {
        using var reader = ClientWith(Factory.Tokens.WithScopes(TestTokens.ReadScope));
        var tokenHash = await StoredResetTokenHashAsync();

        EnvelopeAssert.IsExactly(await reader.PostAsync(method, WriteBody(method, _email)), HttpStatusCode.Forbidden, Forbidden);

        Assert.That(await StoredResetTokenHashAsync(), Is.EqualTo(tokenHash));
    }

    [Test]
    public async Task AWriteOnlyTokenCannotReadButCanWrite()
    {
        using var writer = ClientWith(Factory.Tokens.WithScopes(TestTokens.WriteScope));

        foreach (var (method, response) in await CallEveryRead(writer))
        {
            EnvelopeAssert.IsExactly(response, HttpStatusCode.Forbidden, Forbidden);
            Assert.That(response.Text, Does.Not.Contain(_customerId), method);
        }

        EnvelopeAssert.IsCustomer(await writer.PostAsync("customer.create", CustomerRequests.Create()));
    }

    [Test]
    public async Task ATokenWithoutScopesIsForbiddenEverywhere()
    {
        using var nobody = ClientWith(Factory.Tokens.WithScopes());
        var count = await Factory.CountCustomersAsync();

        foreach (var method in PostMethods)
        {
            EnvelopeAssert.IsExactly(await nobody.PostAsync(method, WriteBody(method, CustomerRequests.UniqueEmail())), HttpStatusCode.Forbidden, Forbidden);
        }

        foreach (var (_, response) in await CallEveryRead(nobody))
        {
            EnvelopeAssert.IsExactly(response, HttpStatusCode.Forbidden, Forbidden);
        }

        Assert.That(await Factory.CountCustomersAsync(), Is.EqualTo(count));
    }

    [Test]
    public async Task NamesThatOnlyResembleTheScopesGrantNothing()
    {
        using var client = ClientWith(Factory.Tokens.WithScopes("customers.read.all", "customers", "CUSTOMERS.WRITE", "customers.write,customers.read"));

        EnvelopeAssert.IsExactly(await client.PostAsync("customer.info", new JsonObject { ["id"] = _customerId }), HttpStatusCode.Forbidden, Forbidden);
        EnvelopeAssert.IsExactly(await client.PostAsync("customer.create", CustomerRequests.Create()), HttpStatusCode.Forbidden, Forbidden);
    }

    [Test]
    public async Task TheScpArrayFormIsHonoured()
    {
        using var both = ClientWith(Factory.Tokens.WithScpArray(TestTokens.ReadScope, TestTokens.WriteScope));
        using var readOnly = ClientWith(Factory.Tokens.WithScpArray(TestTokens.ReadScope));

        await AssertAllReadsSucceed(both);
        EnvelopeAssert.IsCustomer(await both.PostAsync("customer.create", CustomerRequests.Create()));
        await AssertAllReadsSucceed(readOnly);
        EnvelopeAssert.IsExactly(await readOnly.PostAsync("customer.create", CustomerRequests.Create()), HttpStatusCode.Forbidden, Forbidden);
    }

    [Test]
    public async Task TheScopeArrayThatUserJwtsWritesIsHonoured()
    {
        using var readOnly = ClientWith(Factory.Tokens.WithScopeArray(TestTokens.ReadScope, "something.else"));

        await AssertAllReadsSucceed(readOnly);
        EnvelopeAssert.IsExactly(await readOnly.PostAsync("customer.create", CustomerRequests.Create()), HttpStatusCode.Forbidden, Forbidden);
    }

    [Test]
    public async Task ConfiguredScopeNamesAreHonoured()
    {
        using var factory = NewFactory(new Dictionary<string, string>
        {
            ["Authorization:Scopes:Read"] = "crm/customers.r",
            ["Authorization:Scopes:Write"] = "crm/customers.w",
        });
        using var defaults = new ApiClient(factory.CreateClient(), factory.Tokens.Valid());
        using var configured = new ApiClient(factory.CreateClient(), factory.Tokens.WithScopes("crm/customers.r", "crm/customers.w"));
        using var configuredReader = new ApiClient(factory.CreateClient(), factory.Tokens.WithScopes("crm/customers.r"));

        EnvelopeAssert.IsExactly(await defaults.PostAsync("customer.create", CustomerRequests.Create()), HttpStatusCode.Forbidden, Forbidden);
        var id = await configured.CreateCustomerAsync();
        EnvelopeAssert.IsExactly(await defaults.PostAsync("customer.info", new JsonObject { ["id"] = id }), HttpStatusCode.Forbidden, Forbidden);
        EnvelopeAssert.IsCustomer(await configuredReader.PostAsync("customer.info", new JsonObject { ["id"] = id }));
        EnvelopeAssert.IsExactly(await configuredReader.PostAsync("customer.remove", new JsonObject { ["id"] = id }), HttpStatusCode.Forbidden, Forbidden);
    }

    /// <summary>A new action without a scope policy would be open to any authenticated caller.</summary>
    [Test]
    public void EveryActionNamesExactlyOneScopePolicyAndOnlyTheReadMethodsNeedRead()
    {
        var actions = new[] { typeof(CustomerController), typeof(CustomerAddressController), typeof(CustomerPasswordController) }
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .ToList();
        Assert.That(actions, Has.Count.EqualTo(16));

        foreach (var action in actions)
        {
            var route = action.GetCustomAttributes<HttpMethodAttribute>().Single().Template;
            var policies = action.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();
            var expected = ReadMethods.Contains(route) ? ScopePolicies.Read : ScopePolicies.Write;
            Assert.That(policies, Is.EqualTo(new[] { expected }), $"{action.DeclaringType!.Name}.{action.Name} ({route})");
            Assert.That(action.GetCustomAttribute<AllowAnonymousAttribute>(), Is.Null);
        }
    }

    private ApiClient ClientWith(string token) => new(Factory.CreateClient(), token);

    private async Task AssertAllReadsSucceed(ApiClient client)
    {
        foreach (var (method, response) in await CallEveryRead(client))
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), $"{method}: {response.Text}");
            Assert.That(response.Ok, Is.True, method);
        }
    }

    private async Task<List<(string Method, ApiResponse Response)>> CallEveryRead(ApiClient client)
    {
        var id = Uri.EscapeDataString(_customerId);
        var address = Uri.EscapeDataString(_addressId);
        return
        [
            ("POST customer.info", await client.PostAsync("customer.info", new JsonObject { ["id"] = _customerId })),
            ("GET customer.info", await client.GetAsync("customer.info", $"id={id}")),
            ("POST customer.list", await client.PostAsync("customer.list", new JsonObject())),
            ("GET customer.list", await client.GetAsync("customer.list", "limit=5")),
            ("POST customer.address.info", await client.PostAsync("customer.address.info", new JsonObject { ["customerId"] = _customerId, ["addressId"] = _addressId })),
            ("GET customer.address.info", await client.GetAsync("customer.address.info", $"customerId={id}&addressId={address}")),
        ];
    }

    /// <summary>A body that would succeed with the write scope, aimed at the shared customer.</summary>
    private Task<string> StoredResetTokenHashAsync() =>
        Factory.WithDatabaseAsync(db => db.Set<PasswordResetToken>().Where(t => t.CustomerId == _customerId).Select(t => t.TokenHash).SingleAsync());

    private JsonObject WriteBody(string method, string email) => method switch
    {
        "customer.create" => CustomerRequests.Create(email),
        "customer.update" => new JsonObject { ["id"] = _customerId, ["email"] = email, ["firstName"] = "Mallory" },
        "customer.remove" => new JsonObject { ["id"] = _customerId },
        "customer.checkCredentials" => new JsonObject { ["email"] = email, ["password"] = "correct horse battery" },
        "customer.address.create" => new JsonObject { ["customerId"] = _customerId, ["address"] = CustomerRequests.Address() },
        "customer.address.update" => new JsonObject { ["customerId"] = _customerId, ["address"] = new JsonObject { ["id"] = _addressId, ["city"] = "Elsewhere" } },
        "customer.address.remove" => new JsonObject { ["customerId"] = _customerId, ["addressId"] = _addressId },
        "customer.password.change" => new JsonObject { ["id"] = _customerId, ["password"] = "correct horse battery", ["newPassword"] = "mallory's password" },
        "customer.password.resetToken" => new JsonObject { ["email"] = _email },
        "customer.password.reset" => new JsonObject { ["token"] = _resetToken, ["newPassword"] = "mallory's password" },
        "customer.info" => new JsonObject { ["id"] = _customerId },
        "customer.address.info" => new JsonObject { ["customerId"] = _customerId, ["addressId"] = _addressId },
        _ => new JsonObject(),
    };
}
