using CustomerService.Application.Common.Security;
using CustomerService.Tests.Integration.Fuzz;

namespace CustomerService.Tests.Support;

/// <summary>A fast hasher that counts every hash it computes, checks and new hashes alike.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher
{
    private readonly FastPasswordHasher _inner = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string UnknownUserHash => _inner.UnknownUserHash;

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return _inner.HashAsync(password, cancellationToken);
    }

    public ValueTask<PasswordCheck> VerifyAsync(string passwordHash, string password, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return _inner.VerifyAsync(passwordHash, password, cancellationToken);
    }
}
