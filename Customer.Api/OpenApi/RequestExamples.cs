using System.Text.Json.Nodes;
using CustomerService.Application.Customers.ChangeCustomerPassword;
using CustomerService.Application.Customers.CheckCustomerCredentials;
using CustomerService.Application.Customers.ListCustomerChanges;
using CustomerService.Application.Customers.CreateCustomer;
using CustomerService.Application.Customers.CreateCustomerAddress;
using CustomerService.Application.Customers.GetCustomer;
using CustomerService.Application.Customers.GetCustomerAddress;
using CustomerService.Application.Customers.IssuePasswordResetToken;
using CustomerService.Application.Customers.ListCustomers;
using CustomerService.Application.Customers.RemoveCustomer;
using CustomerService.Application.Customers.RemoveCustomerAddress;
using CustomerService.Application.Customers.ResetCustomerPassword;
using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Application.Customers.UpdateCustomerAddress;

namespace CustomerService.Api.OpenApi;

/// <summary>One example request per method, by request type (the GET forms share their POST form's example).</summary>
internal static class RequestExamples
{
    private const string CustomerId = "P_ElgySflBvJna98";
    private const string AddressId = "LbkRb0AGPw6IBJD4";

    private static readonly Dictionary<Type, Func<JsonObject>> Examples = new()
    {
        [typeof(CreateCustomerCommand)] = () => new JsonObject
        {
            ["email"] = "john.doe@example.com",
            ["password"] = "correct horse battery staple",
            ["firstName"] = "John",
            ["lastName"] = "Doe",
            ["tags"] = new JsonArray("VIP"),
            ["addresses"] = new JsonArray(Address()),
        },
        [typeof(GetCustomerQuery)] = () => new JsonObject { ["id"] = CustomerId },
        [typeof(UpdateCustomerCommand)] = () => new JsonObject
        {
            ["id"] = CustomerId,
            ["email"] = "John.Doe@example.com",
            ["firstName"] = "John",
            ["lastName"] = "Doe",
            ["tags"] = new JsonArray("VIP", "early-adopter"),
            ["status"] = "ACTIVE",
        },
        [typeof(ListCustomersQuery)] = () => new JsonObject { ["tags"] = "VIP,beta", ["status"] = "ACTIVE", ["limit"] = 10, ["skip"] = 0 },
        [typeof(RemoveCustomerCommand)] = () => new JsonObject { ["id"] = CustomerId },
        [typeof(CreateCustomerAddressCommand)] = () => new JsonObject { ["customerId"] = CustomerId, ["address"] = Address() },
        [typeof(GetCustomerAddressQuery)] = () => new JsonObject { ["customerId"] = CustomerId, ["addressId"] = AddressId },
        [typeof(UpdateCustomerAddressCommand)] = () => new JsonObject
        {
            ["customerId"] = CustomerId,
            ["address"] = new JsonObject { ["id"] = AddressId, ["name"] = "Office", ["instructions"] = "Ring twice" },
        },
        [typeof(RemoveCustomerAddressCommand)] = () => new JsonObject { ["customerId"] = CustomerId, ["addressId"] = AddressId },
        [typeof(ListCustomerChangesQuery)] = () => new JsonObject { ["limit"] = 100 },
        [typeof(CheckCustomerCredentialsCommand)] = () => new JsonObject
        {
            ["email"] = "john.doe@example.com",
            ["password"] = "correct horse battery staple",
        },
        [typeof(ChangeCustomerPasswordCommand)] = () => new JsonObject
        {
            ["id"] = CustomerId,
            ["password"] = "correct horse battery staple",
            ["newPassword"] = "a new horse, a new battery",
        },
        [typeof(IssuePasswordResetTokenCommand)] = () => new JsonObject { ["email"] = "John.Doe@example.com" },
        [typeof(ResetCustomerPasswordCommand)] = () => new JsonObject
        {
            ["token"] = "q3Vn1y0cJ8ZkKQd2r9Xb6mT4wP7sE5aH0uLfNgCjRiY",
            ["newPassword"] = "a new horse, a new battery",
        },
    };

    public static JsonObject? For(Type? requestType) => requestType is not null && Examples.TryGetValue(requestType, out var example) ? example() : null;

    private static JsonObject Address() => new()
    {
        ["name"] = "Work",
        ["firstName"] = "John",
        ["lastName"] = "Doe",
        ["address_1"] = "1650 Bolman Court",
        ["address_2"] = "Number 10",
        ["postCode"] = "61701",
        ["city"] = "Bloomington",
        ["state"] = "Illinois",
        ["country"] = "US",
        ["company"] = "My Company",
        ["phone"] = "2173203531",
        ["instructions"] = "Some Instructions",
    };
}
