using CustomerService.Application.Common.Security;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerService.Tests.Infrastructure;

public sealed class IdentityPasswordHasherTests
{
    private readonly IdentityPasswordHasher _hasher = new();

    [Test]
    public async Task HashesWithARandomSaltAndNeverReturnsThePassword()
    {
        var first = await _hasher.HashAsync("correct horse battery", CancellationToken.None);
        var second = await _hasher.HashAsync("correct horse battery", CancellationToken.None);

        Assert.That(first, Is.Not.EqualTo(second), "two hashes of one password must differ by their salt");
        Assert.That(first, Does.Not.Contain("correct horse battery"));
    }

    [Test]
    public async Task AcceptsTheRightPasswordAndRefusesAWrongOne()
    {
        var hash = await _hasher.HashAsync("correct horse battery", CancellationToken.None);

        Assert.That(await _hasher.VerifyAsync(hash, "correct horse battery", CancellationToken.None), Is.EqualTo(PasswordCheck.Succeeded));
        Assert.That(await _hasher.VerifyAsync(hash, "Correct horse battery", CancellationToken.None), Is.EqualTo(PasswordCheck.Failed));
    }

    [Test]
    public async Task AsksForARehashWhenTheHashWasMadeWithFewerIterations()
    {
        var weak = new PasswordHasher<Customer>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        var outdated = weak.HashPassword(null!, "correct horse battery");

        Assert.That(await _hasher.VerifyAsync(outdated, "correct horse battery", CancellationToken.None), Is.EqualTo(PasswordCheck.SucceededNeedsRehash));
        Assert.That(await _hasher.VerifyAsync(await _hasher.HashAsync("correct horse battery", CancellationToken.None), "correct horse battery", CancellationToken.None), Is.EqualTo(PasswordCheck.Succeeded));
    }

    [Test]
    public async Task TheUnknownUserHashIsARealHashThatNoPasswordMatches()
    {
        var dummy = _hasher.UnknownUserHash;

        Assert.That(dummy, Is.EqualTo(_hasher.UnknownUserHash), "made once, not per request");
        Assert.That(await _hasher.VerifyAsync(dummy, string.Empty, CancellationToken.None), Is.EqualTo(PasswordCheck.Failed));
        Assert.That(await _hasher.VerifyAsync(dummy, "correct horse battery", CancellationToken.None), Is.EqualTo(PasswordCheck.Failed));
        Assert.That(Convert.FromBase64String(dummy)[0], Is.EqualTo(0x01), "the current (v3) format, so checking it costs what a real check costs");
    }
}
