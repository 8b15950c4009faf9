using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Api.Http.Envelope;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.CreateCustomer;
using CustomerService.Application.Customers.GetCustomer;
using CustomerService.Application.Customers.UpdateCustomer;

namespace CustomerService.Api.Http.Json;

/// <summary>
/// Source-generated serialization for the requests and envelopes the API knows at compile time;
/// <see cref="ApiJson"/> falls back to reflection for anything an extension adds.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CustomerEnvelope))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(IReadOnlyList<FieldError>))]
[JsonSerializable(typeof(List<FieldError>))]
[JsonSerializable(typeof(FieldError[]))]
[JsonSerializable(typeof(EntityIdErrorData))]
[JsonSerializable(typeof(DuplicateKeyErrorData))]
[JsonSerializable(typeof(CreateCustomerCommand))]
[JsonSerializable(typeof(UpdateCustomerCommand))]
[JsonSerializable(typeof(GetCustomerQuery))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
