using CustomerService.Application.Common.Persistence;
using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.SignInThrottling;
using CustomerService.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Tests.Infrastructure.SqlServer;

/// <summary>
/// One way the service uses the database: the repository methods it calls, then the unit of work's save
/// when it changes something. <see cref="All"/> is the catalogue the SQL Server syntax tests run; a new
/// repository method fails <c>EveryRepositoryMethodIsInTheCatalogue</c> until a call here uses it.
/// </summary>
public sealed record RepositoryCall(string Name, IReadOnlyList<string> Methods, Func<ICustomerRepository, IUnitOfWork, DbContext, Task> Run)
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

    // The answering fake finds one row for every SELECT (its ids all "x") and counts 1000.
    private const string StoredId = "x";

    private static readonly CustomerListFilter NoFilter = new([], [], [], []);

    public static IEnumerable<RepositoryCall> All()
    {
        yield return Read("GetAsync", (repository, token) => repository.GetAsync(StoredId, token));
        yield return Read("GetStoredAsync", (repository, token) => repository.GetStoredAsync(StoredId, token));
        yield return Read("FindForReadAsync", (repository, token) => repository.FindForReadAsync(StoredId, token));
        yield return Read("FindByEmailAsync", (repository, token) => repository.FindByEmailAsync("x@example.com", token));
        yield return Read("IsEmailTakenAsync", (repository, token) => repository.IsEmailTakenAsync("x@example.com", token));
        yield return List("unfiltered", NoFilter, skip: 0);
        yield return List("by ids", NoFilter with { Ids = ["a", "b"] }, skip: 0);
        yield return List("by emails", NoFilter with { NormalizedEmails = ["a@example.com"] }, skip: 0);
        yield return List("by statuses", NoFilter with { Statuses = [CustomerStatus.Active, CustomerStatus.Inactive] }, skip: 0);
        yield return List("by tags", NoFilter with { Tags = ["vip", "b2b"] }, skip: 0);
        yield return List(
            "by every filter, second page",
            new CustomerListFilter(["a"], ["a@example.com"], [CustomerStatus.Active], ["vip"]),
            skip: 20);

        yield return Change("Add", ["Add"], (repository, _) =>
        {
            repository.Add(Customer.Register(
                EmailAddress.Create("new@example.com"), "hash", "Ann", "Lee", CustomerStatus.Active, ["vip"], [CustomerBuilder.Address()], Now));
            return Task.CompletedTask;
        });
        yield return Change("update (concurrency token)", ["GetAsync"], async (repository, token) =>
            (await repository.GetAsync(StoredId, token))!.Rename("Renamed", null, Now));
        yield return Change("address add", ["GetAsync"], async (repository, token) =>
            (await repository.GetAsync(StoredId, token))!.AddAddress(CustomerBuilder.Address("Home"), Now));
        yield return Change("address update", ["GetAsync"], async (repository, token) =>
            (await repository.GetAsync(StoredId, token))!.UpdateAddress(StoredId, new AddressPatch(City: "Elsewhere"), Now));
        yield return Change("address remove", ["GetAsync"], async (repository, token) =>
            (await repository.GetAsync(StoredId, token))!.RemoveAddress(StoredId, Now));
        yield return Change("Remove", ["GetAsync", "Remove"], async (repository, token) =>
        {
            var customer = (await repository.GetAsync(StoredId, token))!;
            customer.MarkRemoved();
            repository.Remove(customer);
        });

        // Not the customer repository's: the sign-in throttle and the reset tokens, on the same context.
        yield return new RepositoryCall("sign-in throttle: read, count a failure, clear", [], async (_, _, db) =>
        {
            var throttle = new DatabaseSignInThrottle((CustomerDbContext)db, new PersistenceFailureClassifier(), new SignInThrottleOptions());
            await throttle.GetAsync("x@example.com", CancellationToken.None);
            await throttle.RecordFailureAsync("x@example.com", Now, CancellationToken.None);
            await throttle.ClearAsync("x@example.com", CancellationToken.None);
        });
        yield return new RepositoryCall("reset token issued", [], async (_, unitOfWork, db) =>
        {
            new PasswordResetTokenRepository((CustomerDbContext)db).Add(PasswordResetToken.Issue(StoredId, "AB", Now));
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        });
        yield return new RepositoryCall("reset token replaced", [], async (_, unitOfWork, db) =>
        {
            var token = await new PasswordResetTokenRepository((CustomerDbContext)db).FindForCustomerAsync(StoredId, CancellationToken.None);
            token!.Replace("CD", Now);
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        });
        yield return new RepositoryCall("password reset: token consumed with the password change", ["GetAsync"], async (repository, unitOfWork, db) =>
        {
            var tokens = new PasswordResetTokenRepository((CustomerDbContext)db);
            var token = await tokens.FindByHashAsync("AB", CancellationToken.None);
            (await repository.GetAsync(token!.CustomerId, CancellationToken.None))!.ChangePassword("new-hash", Now);
            tokens.Remove(token);
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        });

        // Not the repository's: the readiness check's query (Infrastructure/DependencyInjection.cs),
        // repeated here because it lives in a lambda of the health-check registration.
        yield return new RepositoryCall("readiness check", [], (_, _, db) => db.Set<Customer>().AnyAsync());
    }

    public override string ToString() => Name;

    private static RepositoryCall Read(string method, Func<ICustomerRepository, CancellationToken, Task> read) =>
        new(method, [method], (repository, _, _) => read(repository, CancellationToken.None));

    private static RepositoryCall List(string name, CustomerListFilter filter, int skip) =>
        new($"ListAsync {name}", ["ListAsync"], (repository, _, _) => repository.ListAsync(filter, skip, 20, CancellationToken.None));

    private static RepositoryCall Change(string name, IReadOnlyList<string> methods, Func<ICustomerRepository, CancellationToken, Task> change) =>
        new(name, methods, async (repository, unitOfWork, _) =>
        {
            await change(repository, CancellationToken.None);
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        });
}
