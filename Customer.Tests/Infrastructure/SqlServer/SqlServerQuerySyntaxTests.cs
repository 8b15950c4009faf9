using CustomerService.Application.Customers;
using CustomerService.Tests.Support.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CustomerService.Tests.Infrastructure.SqlServer;

/// <summary>
/// Every statement the SQL Server provider generates for the service's repository and saves, parsed by
/// SQL Server 2022's own parser. The real repository runs over a connection that records instead of
/// sending, so compiled queries, split queries and SaveChanges batches are all seen as they would be sent.
/// </summary>
public sealed class SqlServerQuerySyntaxTests
{
    private static IEnumerable<TestCaseData> Calls() =>
        RepositoryCall.All().Select(call => new TestCaseData(call).SetArgDisplayNames(call.Name));

    [TestCaseSource(nameof(Calls))]
    public async Task EveryStatementParsesAsSqlServer2022(RepositoryCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var server = new NoServerSqlServer();

        await call.Run(server.Repository, server.UnitOfWork, server.Context);

        Assert.That(server.Commands, Is.Not.Empty, "The call sent nothing: the recording connection is not in use.");
        using (Assert.EnterMultipleScope())
        {
            foreach (var command in server.Commands)
            {
                Assert.That(TSqlSyntax.BatchErrors(command.Text), Is.Empty, command.Text);
                Assert.That(TSqlSyntax.UndeclaredVariables(command.Text, command.ParameterNames), Is.Empty, command.Text);
            }
        }
    }

    [Test]
    public void EveryRepositoryMethodIsInTheCatalogue()
    {
        var covered = RepositoryCall.All().SelectMany(call => call.Methods).ToHashSet(StringComparer.Ordinal);

        Assert.That(typeof(ICustomerRepository).GetMethods().Select(m => m.Name), Is.SubsetOf(covered));
    }

    [Test]
    public async Task AListSendsItsCountPageAndAddressesInOneSnapshotTransaction()
    {
        using var server = new NoServerSqlServer();

        await server.Repository.ListAsync(new CustomerListFilter([], [], [], ["vip"]), 0, 20, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.Transactions, Is.EqualTo(new[] { System.Data.IsolationLevel.Snapshot }));
            Assert.That(server.Commands, Has.Count.EqualTo(3));
            Assert.That(server.Commands[0].Text, Does.StartWith("SELECT COUNT(*)"));
            Assert.That(server.Commands[2].Text, Does.Contain("[CustomerAddresses]"));
        }
    }

    [TestCase("update (concurrency token)", "UPDATE")]
    [TestCase("address update", "UPDATE")]
    [TestCase("Remove", "DELETE")]
    public async Task AWriteOfACustomerRowChecksTheVersionItWasLoadedAt(string callName, string verb)
    {
        using var server = new NoServerSqlServer();
        var call = RepositoryCall.All().Single(c => c.Name == callName);

        await call.Run(server.Repository, server.UnitOfWork, server.Context);

        var writes = new CustomerRowWrites();
        foreach (var command in server.Commands)
        {
            TSqlSyntax.Parse(command.Text, out _).Accept(writes);
        }

        // Without [Version] in the WHERE clause a concurrent save would be overwritten silently.
        Assert.That(writes.Found, Has.Some.EqualTo((verb, true)).And.None.EqualTo((verb, false)));
    }

    [Test]
    public async Task AnUpdateInsertsItsOutboxMessageAndBacklogRowInTheSaveTransaction()
    {
        using var server = new NoServerSqlServer();
        var call = RepositoryCall.All().Single(c => c.Name == "update (concurrency token)");

        await call.Run(server.Repository, server.UnitOfWork, server.Context);

        // The outbox's command comes after the customer's UPDATE, in the transaction the save began for it.
        var update = server.Commands.ToList().FindIndex(c => c.Text.Contains("UPDATE [Customers]", StringComparison.Ordinal));
        var outbox = server.Commands.ToList().FindIndex(c => c.Text.Contains("INSERT INTO [OutboxMessages]", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(update, Is.GreaterThanOrEqualTo(0));
            Assert.That(outbox, Is.GreaterThan(update));
            Assert.That(server.Commands[outbox].Text, Does.Contain("INSERT INTO [PendingOutboxMessages] ([MessageId]) VALUES (SCOPE_IDENTITY())"));
            Assert.That(server.Transactions, Is.Not.Empty);
        }
    }

    /// <summary>Each UPDATE or DELETE of [Customers], and whether its WHERE clause reads [Version].</summary>
    private sealed class CustomerRowWrites : TSqlFragmentVisitor
    {
        public List<(string Verb, bool ChecksVersion)> Found { get; } = [];

        public override void Visit(UpdateSpecification node) => Add("UPDATE", node.Target, node.WhereClause);

        public override void Visit(DeleteSpecification node) => Add("DELETE", node.Target, node.WhereClause);

        private void Add(string verb, TableReference target, WhereClause? where)
        {
            if (target is NamedTableReference { SchemaObject.BaseIdentifier.Value: "Customers" })
            {
                var columns = new ColumnNames();
                where?.Accept(columns);
                Found.Add((verb, columns.Names.Contains("Version")));
            }
        }
    }

    private sealed class ColumnNames : TSqlFragmentVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(ColumnReferenceExpression node) => Names.Add(node.MultiPartIdentifier.Identifiers[^1].Value);
    }
}
