using CustomerService.Api.Authorization;
using CustomerService.Api.Http.Envelope;
using CustomerService.Api.Http.Json;
using CustomerService.Api.OpenApi;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.CheckCustomerCredentials;
using CustomerService.Application.Customers.CreateCustomer;
using CustomerService.Application.Customers.GetCustomer;
using CustomerService.Application.Customers.ListCustomers;
using CustomerService.Application.Customers.RemoveCustomer;
using CustomerService.Application.Customers.UpdateCustomer;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Controllers;

/// <summary>
/// The customer methods of the MicroBase Customer service, version 1. Read methods also answer GET
/// with their arguments in the query string; mutations answer only POST.
/// </summary>
[ApiController]
[Authorize] // authenticated, always; each action adds its scope policy
[Route("customer/v1")]
public sealed class CustomerController(ISender sender) : ControllerBase
{
    [HttpPost("customer.create")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerInvalidEmail, ErrorCodes.DuplicateKey)]
    [ProducesResponseType<CustomerEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Write)]
    public async Task<IActionResult> Create(CreateCustomerCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.Customer(await sender.Send(command, cancellationToken));

    [HttpPost("customer.info")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerNotFound)]
    [ProducesResponseType<CustomerEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Read)]
    public async Task<IActionResult> Info(GetCustomerQuery query, CancellationToken cancellationToken) =>
        EnvelopeResult.Customer(await sender.Send(query, cancellationToken));

    [HttpGet("customer.info")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerNotFound)]
    [ProducesResponseType<CustomerEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Read)]
    public Task<IActionResult> InfoFromQuery([ModelBinder(typeof(QueryStringModelBinder))] GetCustomerQuery query, CancellationToken cancellationToken) =>
        Info(query, cancellationToken);

    [HttpPost("customer.update")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerInvalidEmail, ErrorCodes.CustomerNotFound, ErrorCodes.DuplicateKey, ErrorCodes.VersionConflict)]
    [ProducesResponseType<CustomerEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Write)]
    public async Task<IActionResult> Update(UpdateCustomerCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.Customer(await sender.Send(command, cancellationToken));

    [HttpPost("customer.list")]
    [ReturnsErrors(ErrorCodes.ValidationError)]
    [ProducesResponseType<CustomerListEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Read)]
    public async Task<IActionResult> List(ListCustomersQuery query, CancellationToken cancellationToken) =>
        EnvelopeResult.From(await sender.Send(query, cancellationToken), page => new CustomerListEnvelope(page.Page, page.Data));

    [HttpGet("customer.list")]
    [ReturnsErrors(ErrorCodes.ValidationError)]
    [ProducesResponseType<CustomerListEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Read)]
    public Task<IActionResult> ListFromQuery([ModelBinder(typeof(QueryStringModelBinder))] ListCustomersQuery query, CancellationToken cancellationToken) =>
        List(query, cancellationToken);

    [HttpPost("customer.remove")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerNotFound, ErrorCodes.VersionConflict)]
    [ProducesResponseType<OkEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Write)]
    public async Task<IActionResult> Remove(RemoveCustomerCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.From(await sender.Send(command, cancellationToken), _ => new OkEnvelope());

    [HttpPost("customer.checkCredentials")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.BadCredentials, ErrorCodes.TooManyAttempts)]
    [ProducesResponseType<CustomerIdEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Write)]
    public async Task<IActionResult> CheckCredentials(CheckCustomerCredentialsCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.From(await sender.Send(command, cancellationToken), customer => new CustomerIdEnvelope(customer));
}
