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
    public void HashesWithARandomSaltAndNeverReturnsThePassword()
    {
        var first = _hasher.Hash("correct horse battery");
        var second = _hasher.Hash("correct horse battery");

        Assert.That(first, Is.Not.EqualTo(second), "two hashes of one password must differ by their salt");
        Assert.That(first, Does.Not.Contain("correct horse battery"));
    }

    [Test]
    public void AcceptsTheRightPasswordAndRefusesAWrongOne()
    {
        var hash = _hasher.Hash("correct horse battery");

        Assert.That(_hasher.Verify(hash, "correct horse battery"), Is.EqualTo(PasswordCheck.Succeeded));
        Assert.That(_hasher.Verify(hash, "Correct horse battery"), Is.EqualTo(PasswordCheck.Failed));
    }

    [Test]
    public void AsksForARehashWhenTheHashWasMadeWithFewerIterations()
    {
        var weak = new PasswordHasher<Customer>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        var outdated = weak.HashPassword(null!, "correct horse battery");

        Assert.That(_hasher.Verify(outdated, "correct horse battery"), Is.EqualTo(PasswordCheck.SucceededNeedsRehash));
        Assert.That(_hasher.Verify(_hasher.Hash("correct horse battery"), "correct horse battery"), Is.EqualTo(PasswordCheck.Succeeded));
    }

    [Test]
    public void TheUnknownUserHashIsARealHashThatNoPasswordMatches()
    {
        var dummy = _hasher.UnknownUserHash;

        Assert.That(dummy, Is.EqualTo(_hasher.UnknownUserHash), "made once, not per request");
        Assert.That(_hasher.Verify(dummy, string.Empty), Is.EqualTo(PasswordCheck.Failed));
        Assert.That(_hasher.Verify(dummy, "correct horse battery"), Is.EqualTo(PasswordCheck.Failed));
        Assert.That(Convert.FromBase64String(dummy)[0], Is.EqualTo(0x01), "the current (v3) format, so checking it costs what a real check costs");
    }
}
