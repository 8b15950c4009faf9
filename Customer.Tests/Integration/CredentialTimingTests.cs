using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Integration;

/// <summary>
/// customer.checkCredentials must not reveal, by its response time, whether an email exists: an
/// unknown email costs a password-hash check just like a wrong password does.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class CredentialTimingTests(DatabaseKind database) : DatabaseFixture(database)
{
    [Test]
    public async Task AnUnknownEmailTakesAsLongAsAWrongPassword()
    {
        using var factory = NewFactory();
        using var client = factory.CreateApiClient();
        var known = CustomerRequests.UniqueEmail("timing");
        await client.CreateCustomerAsync(CustomerRequests.Create(known));

        var wrongPassword = new List<double>();
        var unknownEmail = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            // Interleaved, so a burst of load on this shared machine hits both sides alike.
            wrongPassword.Add(await TimeAsync(client, known));
            unknownEmail.Add(await TimeAsync(client, CustomerRequests.UniqueEmail("nobody")));

            // The right password clears the count, so the sign-in throttle never answers instead of the check.
            var right = await client.PostAsync("customer.checkCredentials", new JsonObject { ["email"] = known, ["password"] = "correct horse battery" });
            Assert.That(right.Status, Is.EqualTo(HttpStatusCode.OK), right.Text);
        }

        var ratio = Median(unknownEmail) / Median(wrongPassword);

        // Without the dummy hash an unknown email answers in well under a tenth of the time.
        Assert.That(ratio, Is.InRange(0.5, 2.0), $"unknown email {Median(unknownEmail):F1} ms vs wrong password {Median(wrongPassword):F1} ms");
    }

    private static async Task<double> TimeAsync(ApiClient client, string email)
    {
        var body = new JsonObject { ["email"] = email, ["password"] = "not the password" };
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync("customer.checkCredentials", body);
        watch.Stop();
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized), response.Text);
        Assert.That(response.Text, Is.EqualTo("""{"ok":false,"error":"bad_credentials"}"""));
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
