using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Integration;

/// <summary>
/// A change starts from this process's copy of the customer's last saved state instead of reading it
/// back; another writer (here: SQL run directly, as another instance would write) outdates the copy,
/// and then the version in the UPDATE's WHERE clause sends the change back to the database.
/// </summary>
public sealed class SavedCopiesTests() : HttpFixture(DatabaseKind.Sqlite)
{
    [Test]
    public async Task AChangeStartsFromTheStateThisProcessSaved()
    {
        var id = await CreateRenamedAsync();

        // Behind the service's back and without raising the version, which no real writer does: the
        // only way to see from outside that the change below did not read the row back.
        await SqlAsync("UPDATE Customers SET FirstName = 'Unseen' WHERE Id = {0}", id);
        var changed = EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["lastName"] = "Copy" }));

        Assert.That(changed["firstName"]!.GetValue<string>(), Is.EqualTo("Saved"));
    }

    [Test]
    public async Task AChangeOverAnOutdatedCopyKeepsTheOtherWritersChange()
    {
        var id = await CreateRenamedAsync();
        await ChangeElsewhereAsync(id);

        var changed = EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Mine" }));
        var stored = EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.info", new JsonObject { ["id"] = id }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed["firstName"]!.GetValue<string>(), Is.EqualTo("Mine"));
            Assert.That(changed["lastName"]!.GetValue<string>(), Is.EqualTo("Elsewhere"), "the other writer's change is not lost");
            Assert.That(changed["version"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(stored.ToJsonString(), Is.EqualTo(changed.ToJsonString()));
        }
    }

    [Test]
    public async Task TheStoredVersionIsNotAConflictBecauseTheCopyIsOlder()
    {
        var id = await CreateRenamedAsync();
        await ChangeElsewhereAsync(id);

        var changed = EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Mine", ["version"] = 3 }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed["lastName"]!.GetValue<string>(), Is.EqualTo("Elsewhere"));
            Assert.That(changed["version"]!.GetValue<int>(), Is.EqualTo(4));
        }
    }

    [Test]
    public async Task AVersionOlderThanTheStoredOneStillConflicts()
    {
        var id = await CreateRenamedAsync();
        await ChangeElsewhereAsync(id);

        var response = await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Mine", ["version"] = 2 });

        EnvelopeAssert.IsError(response, HttpStatusCode.Conflict, "version_conflict");
        Assert.That(response.Body["data"]!["actual"]!.GetValue<int>(), Is.EqualTo(3));
    }

    [Test]
    public async Task ACustomerRemovedElsewhereIsNotFound()
    {
        var id = await CreateRenamedAsync();
        await SqlAsync("DELETE FROM CustomerAddresses WHERE CustomerId = {0}", id);
        await SqlAsync("DELETE FROM Customers WHERE Id = {0}", id);

        var response = await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Mine" });

        EnvelopeAssert.IsError(response, HttpStatusCode.NotFound, "customer_not_found");
    }

    [Test]
    public async Task AnAddressChangeOverAnOutdatedCopyKeepsTheOtherWritersChange()
    {
        var id = await CreateRenamedAsync();
        await ChangeElsewhereAsync(id);

        var added = await Client.PostAsync("customer.address.create", new JsonObject { ["customerId"] = id, ["address"] = CustomerRequests.Address() });
        var stored = EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.info", new JsonObject { ["id"] = id }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(added.Status, Is.EqualTo(HttpStatusCode.OK), added.Text);
            Assert.That(stored["lastName"]!.GetValue<string>(), Is.EqualTo("Elsewhere"));
            Assert.That(stored["addresses"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(stored["version"]!.GetValue<int>(), Is.EqualTo(4));
        }
    }

    // Created (version 1) with one address, then renamed through the service (version 2): the
    // service now holds a copy of version 2.
    private async Task<string> CreateRenamedAsync()
    {
        var created = await CreateAsync();
        var id = created["id"]!.GetValue<string>();
        EnvelopeAssert.IsCustomer(await Client.PostAsync("customer.update", new JsonObject { ["id"] = id, ["firstName"] = "Saved" }));
        return id;
    }

    // What another instance's rename does to the row: a new last name and the next version.
    private Task<int> ChangeElsewhereAsync(string id) =>
        SqlAsync("UPDATE Customers SET LastName = 'Elsewhere', Version = Version + 1 WHERE Id = {0}", id);

    private Task<int> SqlAsync(string sql, string id) =>
        Factory.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(sql, id));
}
