using System.Text.Json.Nodes;
using CustomerService.Api.Logging;
using CustomerService.Application.Common.Security;
using CustomerService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CustomerService.Tests.Security;

/// <summary>At Information level, from every source, no event holds a full email, a token, a password or a hash.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class SensitiveLoggingTests(DatabaseKind database) : DatabaseFixture(database)
{
    private static readonly Dictionary<string, string> InformationEverywhere = new()
    {
        ["Serilog:MinimumLevel:Default"] = "Information",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Information",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Information",
    };

    [Test]
    public async Task ARunThroughEveryMethodThatTakesAnEmailLeavesNoSecretInTheLog()
    {
        var sink = new CapturingLogSink();
        using var factory = NewFactory(InformationEverywhere);
        var service = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)));
        var token = factory.Tokens.Valid();
        using var client = new ApiClient(service.CreateClient(), token);
        const string password = "Secret-Pa55word-never-logged";
        const string newPassword = "Another-Secret-never-logged";
        var email = CustomerRequests.UniqueEmail("Jane.Doe");
        var newEmail = CustomerRequests.UniqueEmail("jane.smith");
        var body = CustomerRequests.Create(email);
        body["password"] = password;

        var id = await client.CreateCustomerAsync(body);
        await client.PostAsync("customer.create", CustomerRequests.Create(email)); // duplicate_key: the translation warning
        await client.PostAsync("customer.list", new JsonObject { ["email"] = email });
        await client.GetAsync("customer.list", $"email={email}");
        await client.GetAsync("customer.list", $"email={Uri.EscapeDataString(email)}");
        await client.PostAsync("customer.checkCredentials", new JsonObject { ["email"] = email, ["password"] = password });
        await client.PostAsync("customer.checkCredentials", new JsonObject { ["email"] = email, ["password"] = "wrong-" + password });
        await client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["email"] = newEmail, ["password"] = newPassword });
        await client.GetAsync("customer.list", $"email={Uri.EscapeDataString(newEmail)}");
        await client.PostAsync("customer.checkCredentials", new JsonObject { ["email"] = newEmail, ["password"] = newPassword });
        const string changedPassword = "Changed-Secret-never-logged";
        const string resetPassword = "Reset-Secret-never-logged";
        await client.PostAsync("customer.password.change", new JsonObject { ["id"] = id, ["password"] = "wrong-" + password, ["newPassword"] = changedPassword });
        await client.PostAsync("customer.password.change", new JsonObject { ["id"] = id, ["password"] = password, ["newPassword"] = changedPassword });
        var issued = await client.PostAsync("customer.password.resetToken", new JsonObject { ["email"] = email });
        var resetToken = issued.Body["token"]!.GetValue<string>();
        await client.PostAsync("customer.password.reset", new JsonObject { ["token"] = resetToken, ["newPassword"] = resetPassword });
        await client.PostAsync("customer.password.reset", new JsonObject { ["token"] = resetToken, ["newPassword"] = resetPassword }); // used: invalid_reset_token
        await client.PostAsync("customer.password.resetToken", new JsonObject { ["email"] = CustomerRequests.UniqueEmail("Nobody.Here") });
        using (var badToken = new ApiClient(service.CreateClient(), factory.Tokens.SignedWithAnotherKey()))
        {
            await badToken.PostAsync("customer.list", new JsonObject { ["email"] = email });
        }

        var hash = await factory.WithDatabaseAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.PasswordHash).SingleAsync());
        await WaitForRequestEvents(sink, 16);

        var events = sink.Events.Where(e => e.Level >= LogEventLevel.Information).Select(CapturingLogSink.Render).ToList();
        Assert.That(events.Any(e => e.Contains("Request starting", StringComparison.Ordinal)), Is.True, "ASP.NET Core's hosting events were captured");
        var everything = string.Join('\n', events);
        foreach (var secret in new[] { password, newPassword, changedPassword, resetPassword, resetToken, PasswordResetTokenCodec.HashOf(resetToken), hash, token })
        {
            Assert.That(everything, Does.Not.Contain(secret));
        }

        foreach (var address in new[] { email, newEmail })
        {
            Assert.That(everything, Does.Not.Contain(address).IgnoreCase);
            Assert.That(everything, Does.Not.Contain(Uri.EscapeDataString(address)).IgnoreCase);
            Assert.That(everything, Does.Not.Contain(address[..address.IndexOf('@', StringComparison.Ordinal)]).IgnoreCase, "the local part");
        }

        Assert.That(everything, Does.Contain("J***@example.com").Or.Contain("j***@example.com").Or.Contain("J***%40example.com"), "masked, not dropped");
    }

    [TestCase("jane@example.com", "j***@example.com")]
    [TestCase("Request starting GET /x?email=alan.turing%40example.co.uk&limit=2", "Request starting GET /x?email=a***%40example.co.uk&limit=2")]
    [TestCase("two: a.b+c@x.io and o'brien@y.org.", "two: a***@x.io and o***@y.org.")]
    [TestCase("no address here, just @handles and 100%", "no address here, just @handles and 100%")]
    public void EmailsAreMaskedToTheirFirstCharacterAndDomain(string text, string expected) =>
        Assert.That(SensitiveDataMasking.MaskEmails(text), Is.EqualTo(expected));

    private static async Task WaitForRequestEvents(CapturingLogSink sink, int count)
    {
        for (var attempt = 0; attempt < 100 && sink.Events.Count(e => e.Properties.ContainsKey("Elapsed") && e.Properties.ContainsKey("StatusCode")) < count; attempt++)
        {
            await Task.Delay(20);
        }
    }
}
