using CustomerService.Api.Http.Envelope;
using CustomerService.Application.Customers.CreateCustomer;
using CustomerService.Application.Customers.GetCustomer;
using CustomerService.Application.Customers.UpdateCustomer;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Controllers;

/// <summary>The customer methods of the MicroBase Customer service, version 1.</summary>
[ApiController]
[Authorize]
[Route("customer/v1")]
public sealed class CustomerController(ISender sender) : ControllerBase
{
    [HttpPost("customer.create")]
    public async Task<IActionResult> Create(CreateCustomerCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.Customer(await sender.Send(command, cancellationToken));

    [HttpPost("customer.info")]
    public async Task<IActionResult> Info(GetCustomerQuery query, CancellationToken cancellationToken) =>
        EnvelopeResult.Customer(await sender.Send(query, cancellationToken));

    [HttpPost("customer.update")]
    public async Task<IActionResult> Update(UpdateCustomerCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.Customer(await sender.Send(command, cancellationToken));
}
