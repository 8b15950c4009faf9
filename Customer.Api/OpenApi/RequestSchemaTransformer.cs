using System.Globalization;
using System.Text.Json.Nodes;
using CustomerService.Application.Common.Security;
using CustomerService.Application.Customers.ChangeCustomerPassword;
using CustomerService.Application.Customers.CheckCustomerCredentials;
using CustomerService.Application.Customers.ListCustomerChanges;
using CustomerService.Application.Customers.Common;
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
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// Puts the validators' rules into the request schemas: required fields, the status enum, lengths
/// and counts, all taken from the domain's constants (<see cref="CustomerRules"/>,
/// <see cref="EmailAddress"/>, <see cref="EntityId"/>, <see cref="AddressDetails"/>).
/// </summary>
internal sealed class RequestSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, string[]> RequiredFields = new()
    {
        [typeof(CreateCustomerCommand)] = ["email", "password", "firstName", "lastName"],
        [typeof(GetCustomerQuery)] = ["id"],
        [typeof(UpdateCustomerCommand)] = ["id"],
        [typeof(ListCustomersQuery)] = [],
        [typeof(ListCustomerChangesQuery)] = [],
        [typeof(RemoveCustomerCommand)] = ["id"],
        [typeof(CheckCustomerCredentialsCommand)] = ["email", "password"],
        [typeof(ChangeCustomerPasswordCommand)] = ["id", "password", "newPassword"],
        [typeof(IssuePasswordResetTokenCommand)] = ["email"],
        [typeof(ResetCustomerPasswordCommand)] = ["token", "newPassword"],
        [typeof(CreateCustomerAddressCommand)] = ["customerId"],
        [typeof(GetCustomerAddressQuery)] = ["customerId", "addressId"],
        [typeof(UpdateCustomerAddressCommand)] = ["customerId", "address"],
        [typeof(RemoveCustomerAddressCommand)] = ["customerId", "addressId"],
    };

    private static readonly string[] ListFilters = ["id", "email", "status", "tags"];

    // Stands in for an address to read the field table from; only the names and limits matter.
    private static readonly AddressDetails AddressFieldTable = new("-", "-", null, "-", null, "-", "-", "-", "-", null, null, null);

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        if (type == typeof(AddressInput) || type == typeof(AddressChangeInput))
        {
            DescribeAddress(schema, properties, isChange: type == typeof(AddressChangeInput));
        }
        else if (RequiredFields.TryGetValue(type, out var required))
        {
            schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
            schema.AdditionalPropertiesAllowed = false;
            foreach (var (name, property) in properties)
            {
                if (type == typeof(ListCustomersQuery) && ListFilters.Contains(name, StringComparer.Ordinal))
                {
                    properties[name] = Filter(name);
                }
                else if (property is OpenApiSchema inline)
                {
                    DescribeField(type, name, inline);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void DescribeField(Type requestType, string name, OpenApiSchema property)
    {
        switch (name)
        {
            case "id" or "customerId" or "addressId":
                Text(property, 1, EntityId.MaxLength);
                break;
            case "email":
                Text(property, 1, EmailAddress.MaxLength);
                break;
            case "password":
                Text(property, requestType == typeof(CreateCustomerCommand) ? CustomerRules.MinPasswordLength : 1, CustomerRules.MaxPasswordLength);
                property.WriteOnly = true;
                break;
            case "newPassword":
                Text(property, CustomerRules.MinPasswordLength, CustomerRules.MaxPasswordLength);
                property.WriteOnly = true;
                break;
            case "token":
                Text(property, 1, PasswordResetTokenCodec.MaxLength);
                property.WriteOnly = true;
                property.Description = "The token customer.password.resetToken answered.";
                break;
            case "firstName" or "lastName":
                Text(property, 1, CustomerRules.MaxNameLength);
                break;
            case "status":
                property.Enum = StatusValues();
                property.Description = $"{CustomerStatusNames.Active} when not given on customer.create.";
                break;
            case "tags":
                property.MaxItems = CustomerRules.MaxTags;
                if (property.Items is OpenApiSchema tag)
                {
                    Text(tag, 1, CustomerRules.MaxTagLength);
                }

                break;
            case "addresses":
                property.MaxItems = CustomerRules.MaxAddresses;
                break;
            case "version":
                property.Minimum = "1";
                property.Description = "Apply only if the customer is still at this version; otherwise version_conflict.";
                break;
            case "limit":
                property.Minimum = "1";
                property.Maximum = ListCustomersQuery.MaxLimit.ToString(CultureInfo.InvariantCulture);
                property.Default = ListCustomersQuery.DefaultLimit;
                break;
            case "skip":
                property.Minimum = "0";
                property.Default = 0;
                break;
        }
    }

    private static void DescribeAddress(OpenApiSchema schema, IDictionary<string, IOpenApiSchema> properties, bool isChange)
    {
        schema.AdditionalPropertiesAllowed = false;
        schema.Required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, _, required, maxLength) in AddressFieldTable.Fields())
        {
            if (properties.TryGetValue(field, out var property) && property is OpenApiSchema inline)
            {
                Text(inline, required ? 1 : 0, maxLength);
            }

            if (required && !isChange)
            {
                schema.Required.Add(field);
            }
        }

        if (isChange && properties.TryGetValue("id", out var id) && id is OpenApiSchema idSchema)
        {
            Text(idSchema, 1, EntityId.MaxLength);
            schema.Required.Add("id");
        }

        if (properties.TryGetValue("phone", out var phone) && phone is OpenApiSchema phoneSchema)
        {
            phoneSchema.Description = "Text, or a JSON number (returned as text).";
        }
    }

    /// <summary>A customer.list filter: one value, an array of values, or a comma-separated string.</summary>
    private static OpenApiSchema Filter(string name)
    {
        var value = new OpenApiSchema { Type = JsonSchemaType.String };
        switch (name)
        {
            case "id":
                value.MaxLength = EntityId.MaxLength;
                break;
            case "email":
                value.MaxLength = EmailAddress.MaxLength;
                break;
            case "tags":
                value.MaxLength = CustomerRules.MaxTagLength;
                break;
        }

        var list = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            MaxItems = ListCustomersQueryValidator.MaxFilterValues,
            Items = name == "status" ? new OpenApiSchema { Type = JsonSchemaType.String, Enum = StatusValues() } : value,
        };
        return new OpenApiSchema
        {
            Description = "One value, an array of values (each taken whole, commas included), or a comma-separated string; values of one filter combine with OR.",
            OneOf = [new OpenApiSchema { Type = JsonSchemaType.String }, list],
        };
    }

    private static List<JsonNode> StatusValues() => [CustomerStatusNames.Active, CustomerStatusNames.Inactive];

    private static void Text(OpenApiSchema property, int minLength, int maxLength)
    {
        if (minLength > 0)
        {
            property.MinLength = minLength;
        }

        property.MaxLength = maxLength;
    }
}
