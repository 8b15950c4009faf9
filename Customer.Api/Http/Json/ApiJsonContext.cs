using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Api.Http.Envelope;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.ChangeCustomerPassword;
using CustomerService.Application.Customers.CheckCustomerCredentials;
using CustomerService.Application.Customers.CreateCustomer;
using CustomerService.Application.Customers.CreateCustomerAddress;
using CustomerService.Application.Customers.GetCustomer;
using CustomerService.Application.Customers.GetCustomerAddress;
using CustomerService.Application.Customers.ListCustomerChanges;
using CustomerService.Application.Customers.IssuePasswordResetToken;
using CustomerService.Application.Customers.ListCustomers;
using CustomerService.Application.Customers.RemoveCustomer;
using CustomerService.Application.Customers.RemoveCustomerAddress;
using CustomerService.Application.Customers.ResetCustomerPassword;
using CustomerService.Application.Customers.UpdateCustomer;
using CustomerService.Application.Customers.UpdateCustomerAddress;

namespace CustomerService.Api.Http.Json;

/// <summary>
/// Source-generated serialization for the requests and envelopes the API knows at compile time;
/// <see cref="ApiJson"/> falls back to reflection for anything an extension adds.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CustomerEnvelope))]
[JsonSerializable(typeof(CustomerListEnvelope))]
[JsonSerializable(typeof(AddressEnvelope))]
[JsonSerializable(typeof(CustomerIdEnvelope))]
[JsonSerializable(typeof(CustomerChangesEnvelope))]
[JsonSerializable(typeof(OkEnvelope))]
[JsonSerializable(typeof(PasswordResetTokenEnvelope))]
[JsonSerializable(typeof(EmailErrorData))]
[JsonSerializable(typeof(RetryAfterErrorData))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(AddressIdErrorData))]
[JsonSerializable(typeof(IReadOnlyList<FieldError>))]
[JsonSerializable(typeof(List<FieldError>))]
[JsonSerializable(typeof(FieldError[]))]
[JsonSerializable(typeof(EntityIdErrorData))]
[JsonSerializable(typeof(DuplicateKeyErrorData))]
[JsonSerializable(typeof(CreateCustomerCommand))]
[JsonSerializable(typeof(UpdateCustomerCommand))]
[JsonSerializable(typeof(GetCustomerQuery))]
[JsonSerializable(typeof(ListCustomersQuery))]
[JsonSerializable(typeof(RemoveCustomerCommand))]
[JsonSerializable(typeof(CheckCustomerCredentialsCommand))]
[JsonSerializable(typeof(ChangeCustomerPasswordCommand))]
[JsonSerializable(typeof(IssuePasswordResetTokenCommand))]
[JsonSerializable(typeof(ResetCustomerPasswordCommand))]
[JsonSerializable(typeof(CreateCustomerAddressCommand))]
[JsonSerializable(typeof(GetCustomerAddressQuery))]
[JsonSerializable(typeof(UpdateCustomerAddressCommand))]
[JsonSerializable(typeof(RemoveCustomerAddressCommand))]
[JsonSerializable(typeof(ListCustomerChangesQuery))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
