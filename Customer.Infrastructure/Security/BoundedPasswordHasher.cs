using System.Diagnostics.CodeAnalysis;
using CustomerService.Application.Common.Security;

namespace CustomerService.Infrastructure.Security;

/// <summary>
/// Lets at most <see cref="PasswordHashingOptions.MaxConcurrency"/> hashes (checks and new hashes alike)
/// run at once, so that a flood of sign-ins cannot take every core from the other requests. A call waits
/// for a slot without holding a thread, for at most <see cref="PasswordHashingOptions.MaxWait"/> and
/// behind at most <see cref="PasswordHashingOptions.MaxQueueLength"/> others; otherwise it is refused
/// with <see cref="PasswordHashingUnavailableException"/> (503 with Retry-After), never queued without limit.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "A singleton for the process's life; its semaphore never hands out a wait handle, so it holds nothing to release.")]
internal sealed class BoundedPasswordHasher(IPasswordHasher inner, PasswordHashingOptions options) : IPasswordHasher
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrency, options.MaxConcurrency);
    private int _waiting;

    public string UnknownUserHash => inner.UnknownUserHash;

    public async ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        try
        {
            return await inner.HashAsync(password, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public async ValueTask<PasswordCheck> VerifyAsync(string passwordHash, string password, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        try
        {
            return await inner.VerifyAsync(passwordHash, password, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        if (_slots.Wait(0, CancellationToken.None))
        {
            return;
        }

        if (Interlocked.Increment(ref _waiting) > options.MaxQueueLength)
        {
            Interlocked.Decrement(ref _waiting);
            throw new PasswordHashingUnavailableException(options.RetryAfter);
        }

        try
        {
            if (!await _slots.WaitAsync(options.MaxWait, cancellationToken))
            {
                throw new PasswordHashingUnavailableException(options.RetryAfter);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
