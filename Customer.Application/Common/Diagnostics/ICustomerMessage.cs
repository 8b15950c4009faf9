namespace CustomerService.Application.Common.Diagnostics;

/// <summary>
/// A message about one existing customer. Its id is what logs and traces may name: an opaque
/// identifier, never personal data (no email, no names).
/// </summary>
public interface ICustomerMessage
{
    string CustomerId { get; }
}
