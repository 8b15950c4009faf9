using CustomerService.Infrastructure.Persistence.SavedCopies;

namespace CustomerService.Tests.Infrastructure;

public sealed class CopiesInUseTests
{
    [Test]
    public void ACopyIsConfirmedOnlyByASuccessfulWriteOfThatCustomer()
    {
        var copies = new CopiesInUse();
        copies.StartUnit();
        copies.Served("a");
        copies.Served("b");

        copies.Writing(["a"]);
        copies.Written();

        Assert.That(copies.AnyUnconfirmed, Is.True, "b was never written");
        copies.Writing(["b"]);
        copies.Written();
        Assert.That(copies.AnyUnconfirmed, Is.False);
    }

    [Test]
    public void AWriteNotedByAnEarlierUnitConfirmsNothingInTheNext()
    {
        var copies = new CopiesInUse();
        copies.StartUnit();
        copies.Served("a");

        copies.Writing(["a"]);
        copies.StartUnit();
        copies.Served("a");
        copies.Written();

        Assert.That(copies.AnyUnconfirmed, Is.True, "a new unit forgets the writes an earlier one noted");
    }

    [Test]
    public void AReRunFromTheDatabaseRefusesCopiesUntilTheNextUnit()
    {
        var copies = new CopiesInUse();
        copies.StartUnit();
        copies.Served("a");

        copies.RefuseCopies();

        Assert.That((copies.Allowed, copies.AnyUnconfirmed), Is.EqualTo((false, false)));
        copies.StartUnit();
        Assert.That(copies.Allowed, Is.True);
    }
}
