namespace CustomerService.Application.Common.Persistence;

/// <summary>Commits every change made to loaded aggregates as one transaction.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
