using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// An EF Core compiled query for each model it meets. A compiled query refuses every model but the
/// first it ran against, and one process can hold several: one per provider, and one per set of
/// options a test or tool builds its own context with.
/// </summary>
internal sealed class CompiledQueryByModel<TArgument, TResult>(Func<Func<CustomerDbContext, TArgument, CancellationToken, Task<TResult>>> compile)
{
    private readonly ConditionalWeakTable<IModel, Func<CustomerDbContext, TArgument, CancellationToken, Task<TResult>>> _byModel = [];

    public Task<TResult> RunAsync(CustomerDbContext context, TArgument argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = _byModel.GetValue(context.Model, _ => compile());
        return query(context, argument, cancellationToken);
    }
}
