using System.Text.Json.Nodes;
using CustomerService.Tests.Support;

namespace CustomerService.Tests.Api.MultiInstance;

/// <summary>The steps the sequential two-instance cases are made of; addresses are named by their <c>name</c>.</summary>
public static class Steps
{
    public static CallStep Update(string field, JsonNode value) =>
        customer => new MethodCall("customer.update", new JsonObject { ["id"] = IdOf(customer), [field] = value.DeepClone() });

    /// <summary>An update whose value depends on the customer, e.g. an email unique to it.</summary>
    public static CallStep Update(string field, Func<JsonObject, string> value) =>
        customer => new MethodCall("customer.update", new JsonObject { ["id"] = IdOf(customer), [field] = value(customer) });

    public static CallStep AddAddress(string name) => customer =>
    {
        var address = CustomerRequests.Address();
        address["name"] = name;
        return new MethodCall("customer.address.create", new JsonObject { ["customerId"] = IdOf(customer), ["address"] = address });
    };

    public static CallStep UpdateAddress(string name, string field, string value) => customer =>
        new MethodCall("customer.address.update", new JsonObject
        {
            ["customerId"] = IdOf(customer),
            ["address"] = new JsonObject { ["id"] = AddressIdOf(customer, name), [field] = value },
        });

    public static CallStep RemoveAddress(string name) => customer =>
        new MethodCall("customer.address.remove", new JsonObject { ["customerId"] = IdOf(customer), ["addressId"] = AddressIdOf(customer, name) });

    public static CallStep Remove() => customer => new MethodCall("customer.remove", new JsonObject { ["id"] = IdOf(customer) });

    public static string IdOf(JsonObject customer) => customer["id"]!.GetValue<string>();

    public static string AddressIdOf(JsonObject customer, string name) => AddressNamed(customer, name)?["id"]!.GetValue<string>()
        ?? throw new AssertionException($"The customer has no address named {name}: {customer.ToJsonString()}");

    public static JsonObject? AddressNamed(JsonObject customer, string name) =>
        customer["addresses"]!.AsArray().Select(a => a!.AsObject()).FirstOrDefault(a => a["name"]!.GetValue<string>() == name);
}
