using CustomerService.Api.Authorization;
using CustomerService.Api.Http.Envelope;
using CustomerService.Api.Http.Json;
using CustomerService.Api.OpenApi;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.CreateCustomerAddress;
using CustomerService.Application.Customers.GetCustomerAddress;
using CustomerService.Application.Customers.RemoveCustomerAddress;
using CustomerService.Application.Customers.UpdateCustomerAddress;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Controllers;

/// <summary>The address methods of the MicroBase Customer service, version 1.</summary>
[ApiController]
[Authorize] // authenticated, always; each action adds its scope policy
[Route("customer/v1")]
public sealed class CustomerAddressController(ISender sender) : ControllerBase
{
    [HttpPost("customer.address.create")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerNotFound, ErrorCodes.VersionConflict)]
    [ProducesResponseType<CustomerEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Write)]
    public async Task<IActionResult> Create(CreateCustomerAddressCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.Customer(await sender.Send(command, cancellationToken));

    [HttpPost("customer.address.info")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerNotFound, ErrorCodes.CustomerAddressNotFound)]
    [ProducesResponseType<AddressEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Read)]
    public async Task<IActionResult> Info(GetCustomerAddressQuery query, CancellationToken cancellationToken) =>
        EnvelopeResult.From(await sender.Send(query, cancellationToken), address => new AddressEnvelope(address));

    [HttpGet("customer.address.info")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerNotFound, ErrorCodes.CustomerAddressNotFound)]
    [ProducesResponseType<AddressEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Read)]
    public Task<IActionResult> InfoFromQuery([ModelBinder(typeof(QueryStringModelBinder))] GetCustomerAddressQuery query, CancellationToken cancellationToken) =>
        Info(query, cancellationToken);

    [HttpPost("customer.address.update")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerNotFound, ErrorCodes.CustomerAddressNotFound, ErrorCodes.VersionConflict)]
    [ProducesResponseType<CustomerEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Write)]
    public async Task<IActionResult> Update(UpdateCustomerAddressCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.Customer(await sender.Send(command, cancellationToken));

    [HttpPost("customer.address.remove")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerNotFound, ErrorCodes.CustomerAddressNotFound, ErrorCodes.VersionConflict)]
    [ProducesResponseType<CustomerEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Write)]
    public async Task<IActionResult> Remove(RemoveCustomerAddressCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.Customer(await sender.Send(command, cancellationToken));
}
