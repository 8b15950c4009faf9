using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Integration;

/// <summary>
/// A change may start from this process's copy of the customer instead of reading it back, but the copy
/// never decides an answer. To see which state a change started from, these tests write behind the
/// service's back without raising the version, which no real writer does.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.All))]
public sealed class SavedCopiesTests(DatabaseKind database) : HttpFixture(database)
{
    [Test]
    public async Task AChangeStartsFromTheStateThisProcessSavedWithoutReadingItBack()
    {
        var id = await CreateRenamedAsync("Saved");
        await SqlAsync("UPDATE \"Customers\" SET \"FirstName\" = 'Unseen' WHERE \"Id\" = {0}", id);

        var changed = EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["lastName"] = "Copy" }));

        // The version matched, so the database accepted the change made to the copy: it was not read back.
        Assert.That(changed["firstName"]!.GetValue<string>(), Is.EqualTo("Saved"));
        Assert.That((await Factory.GetStoredAsync(id)).LastName, Is.EqualTo("Copy"));
    }

    [Test]
    public async Task ANoOpAgainstTheCopyIsDecidedAgainstTheDatabase()
    {
        var id = await CreateRenamedAsync("Saved");
        await SqlAsync("UPDATE \"Customers\" SET \"FirstName\" = 'Unseen' WHERE \"Id\" = {0}", id);

        // Against the copy this changes nothing; the database holds another name, so it is a change.
        var changed = EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Saved" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed["firstName"]!.GetValue<string>(), Is.EqualTo("Saved"));
            Assert.That(changed["version"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That((await Factory.GetStoredAsync(id)).FirstName, Is.EqualTo("Saved"));
        }
    }

    [Test]
    public async Task AnAddressUnknownToTheCopyIsLookedForInTheDatabase()
    {
        var id = await CreateRenamedAsync("Saved");
        await SqlAsync(
            "INSERT INTO \"CustomerAddresses\" (\"Id\", \"CustomerId\", \"Position\", \"Name\", \"FirstName\", \"Address1\", \"PostCode\", \"City\", \"State\", \"Country\") " +
            "VALUES ('unseen-address', {0}, 7, 'Other', 'Ann', 'Street 1', '12345', 'Town', 'State', 'US')", id);

        var removed = EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.address.remove", new JsonObject { ["customerId"] = id, ["addressId"] = "unseen-address" }));

        Assert.That(removed["addresses"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()), Does.Not.Contain("unseen-address"));
    }

    private async Task<string> CreateRenamedAsync(string firstName)
    {
        var id = await Client.CreateCustomerAsync();
        EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = firstName }));
        return id;
    }

    // Names quoted: PostgreSQL folds bare ones to lower case.
    private Task<int> SqlAsync(string sql, string id) => Factory.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(sql, id));
}
