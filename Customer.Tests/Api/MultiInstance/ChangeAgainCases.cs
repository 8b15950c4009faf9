using System.Text.Json.Nodes;
using static CustomerService.Tests.Api.MultiInstance.Steps;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>
/// The A, B, A sequences for every change command. Most set on A again what A set first: A's own
/// last saved state then already holds the value, so only the database can tell that B changed it since.
/// </summary>
public static class ChangeAgainCases
{
    public static IEnumerable<TestCaseData> All() => Cases().Select(c => new TestCaseData(c).SetName(c.Name));

    private static IEnumerable<ChangeAgainCase> Cases()
    {
        yield return new("StatusSetAgainOnAAfterBChangedItIsStored",
            Update("status", "INACTIVE"), Update("status", "ACTIVE"), Update("status", "INACTIVE"),
            stored => Assert.That(Text(stored, "status"), Is.EqualTo("INACTIVE")));

        yield return new("FirstNameSetAgainOnAAfterBChangedItIsStored",
            Update("firstName", "Xavier"), Update("firstName", "Yolanda"), Update("firstName", "Xavier"),
            stored => Assert.That(Text(stored, "firstName"), Is.EqualTo("Xavier")));

        yield return new("LastNameSetAgainOnAAfterBChangedItIsStored",
            Update("lastName", "Xu"), Update("lastName", "Young"), Update("lastName", "Xu"),
            stored => Assert.That(Text(stored, "lastName"), Is.EqualTo("Xu")));

        yield return new("EmailSetAgainOnAAfterBChangedItIsStored",
            Update("email", c => $"x.{IdOf(c)}@example.com"), Update("email", c => $"y.{IdOf(c)}@example.com"), Update("email", c => $"x.{IdOf(c)}@example.com"),
            stored => Assert.That(Text(stored, "email"), Is.EqualTo($"x.{IdOf(stored)}@example.com")));

        yield return new("TagsSetAgainOnAAfterBChangedThemAreStored",
            Update("tags", new JsonArray("gold")), Update("tags", new JsonArray("silver")), Update("tags", new JsonArray("gold")),
            stored => Assert.That(Tags(stored), Is.EqualTo(new[] { "gold" })));

        yield return new("OtherFieldChangedOnAAfterBChangedOneIsStoredWithBoth",
            Update("firstName", "Xavier"), Update("lastName", "Young"), Update("status", "INACTIVE"),
            stored => Assert.That((Text(stored, "firstName"), Text(stored, "lastName"), Text(stored, "status")), Is.EqualTo(("Xavier", "Young", "INACTIVE"))));

        yield return new("AddressCreatedOnAAfterBChangedTheCustomerIsStored",
            AddAddress("Home"), Update("firstName", "Yolanda"), AddAddress("Depot"),
            stored => Assert.That((AddressNames(stored), Text(stored, "firstName")), Is.EqualTo((new[] { "Work", "Home", "Depot" }, "Yolanda"))));

        yield return new("AddressFieldSetAgainOnAAfterBChangedItIsStored",
            UpdateAddress("Work", "city", "Springfield"), UpdateAddress("Work", "city", "Peoria"), UpdateAddress("Work", "city", "Springfield"),
            stored => Assert.That(Text(AddressNamed(stored, "Work")!, "city"), Is.EqualTo("Springfield")));

        yield return new("AddressAddedOnBCanBeUpdatedOnA",
            Update("firstName", "Xavier"), AddAddress("Home"), UpdateAddress("Home", "city", "Peoria"),
            stored => Assert.That(Text(AddressNamed(stored, "Home")!, "city"), Is.EqualTo("Peoria")));

        yield return new("AddressAddedOnBCanBeRemovedOnA",
            Update("firstName", "Xavier"), AddAddress("Home"), RemoveAddress("Home"),
            stored => Assert.That(AddressNames(stored), Is.EqualTo(new[] { "Work" })));

        yield return new("AddressRemovedOnAAfterBChangedTheCustomerIsStored",
            AddAddress("Home"), Update("lastName", "Young"), RemoveAddress("Home"),
            stored => Assert.That((AddressNames(stored), Text(stored, "lastName")), Is.EqualTo((new[] { "Work" }, "Young"))));
    }

    private static string Text(JsonObject node, string field) => node[field]!.GetValue<string>();

    private static string[] Tags(JsonObject customer) => [.. customer["tags"]!.AsArray().Select(t => t!.GetValue<string>())];

    private static string[] AddressNames(JsonObject customer) =>
        [.. customer["addresses"]!.AsArray().Select(a => a!["name"]!.GetValue<string>())];
}
