using CustomerService.Api.Authorization;
using CustomerService.Api.Http.Envelope;
using CustomerService.Api.Http.Json;
using CustomerService.Api.OpenApi;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.ListCustomerChanges;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Controllers;

/// <summary>
/// customer.changes, the change feed: what other services and sync jobs read to learn of every committed
/// change, with or without the message broker.
/// </summary>
[ApiController]
[Authorize(Policy = ScopePolicies.Read)]
[Route("customer/v1")]
public sealed class CustomerChangesController(ISender sender) : ControllerBase
{
    [HttpPost("customer.changes")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CursorExpired)]
    [ProducesResponseType<CustomerChangesEnvelope>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Changes(ListCustomerChangesQuery query, CancellationToken cancellationToken) =>
        EnvelopeResult.From(await sender.Send(query, cancellationToken), page => new CustomerChangesEnvelope(page.Changes, page.Next));

    [HttpGet("customer.changes")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CursorExpired)]
    [ProducesResponseType<CustomerChangesEnvelope>(StatusCodes.Status200OK)]
    public Task<IActionResult> ChangesFromQuery(
        [ModelBinder(typeof(QueryStringModelBinder))] ListCustomerChangesQuery query, CancellationToken cancellationToken) =>
        Changes(query, cancellationToken);
}
