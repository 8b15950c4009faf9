using CustomerService.Api.Authorization;
using CustomerService.Api.Http.Envelope;
using CustomerService.Api.OpenApi;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers.ChangeCustomerPassword;
using CustomerService.Application.Customers.IssuePasswordResetToken;
using CustomerService.Application.Customers.ResetCustomerPassword;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Controllers;

/// <summary>
/// The password lifecycle: a change with the current password, and a reset with a token that a
/// trusted caller (which mails the link itself) asks for. All three need the write scope.
/// </summary>
[ApiController]
[Authorize] // authenticated, always; each action adds its scope policy
[Route("customer/v1")]
public sealed class CustomerPasswordController(ISender sender) : ControllerBase
{
    [HttpPost("customer.password.change")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerNotFound, ErrorCodes.BadCredentials, ErrorCodes.TooManyAttempts)]
    [ProducesResponseType<OkEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Write)]
    public async Task<IActionResult> Change(ChangeCustomerPasswordCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.From(await sender.Send(command, cancellationToken), _ => new OkEnvelope());

    [HttpPost("customer.password.resetToken")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.CustomerNotFound)]
    [ProducesResponseType<PasswordResetTokenEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Write)]
    public async Task<IActionResult> IssueResetToken(IssuePasswordResetTokenCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.From(await sender.Send(command, cancellationToken), issued => new PasswordResetTokenEnvelope(issued.Token, issued.ExpiresAt));

    [HttpPost("customer.password.reset")]
    [ReturnsErrors(ErrorCodes.ValidationError, ErrorCodes.InvalidResetToken)]
    [ProducesResponseType<CustomerIdEnvelope>(StatusCodes.Status200OK)]
    [Authorize(Policy = ScopePolicies.Write)]
    public async Task<IActionResult> Reset(ResetCustomerPasswordCommand command, CancellationToken cancellationToken) =>
        EnvelopeResult.From(await sender.Send(command, cancellationToken), customer => new CustomerIdEnvelope(customer));
}
