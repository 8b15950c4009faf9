using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

internal sealed class PasswordResetTokenRepository(CustomerDbContext db) : IPasswordResetTokenRepository
{
    private DbSet<PasswordResetToken> Tokens => db.Set<PasswordResetToken>();

    public Task<PasswordResetToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        Tokens.FirstOrDefaultAsync(t => t.TokenHash == tokenHash, cancellationToken);

    public Task<PasswordResetToken?> FindForCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        Tokens.FirstOrDefaultAsync(t => t.CustomerId == customerId, cancellationToken);

    public void Add(PasswordResetToken token) => Tokens.Add(token);

    public void Remove(PasswordResetToken token) => Tokens.Remove(token);
}
