using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Tests.Support;

/// <summary>
/// Fails every commit while armed: every statement of the save has run, and the transaction is rolled
/// back instead of committed (a retry fails too). Registered as a service, it joins every context the service makes.
/// </summary>
public sealed class FailingCommitInterceptor : DbTransactionInterceptor
{
    private volatile bool _armed;

    public void FailCommits() => _armed = true;

    public void Heal() => _armed = false;

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        FailIfArmed();
        return result;
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        FailIfArmed();
        return ValueTask.FromResult(result);
    }

    private void FailIfArmed()
    {
        if (_armed)
        {
            throw new InvalidOperationException("Injected fault: the commit fails.");
        }
    }
}
