using System.Data.Common;
using CustomerService.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerService.Infrastructure.Messaging.Outbox;

/// <summary>
/// Inserts an outbox message and its row in the relay's backlog with one command, in the transaction
/// about to commit. A plain command rather than SaveChanges or ExecuteSql: on an update the two were
/// most of EF Core's cost (docs/decisions/013). Values are bound with the model's own type mappings, so
/// they are stored exactly as EF Core stores them; each provider names the id just given its own way.
/// </summary>
internal static class OutboxInsert
{
    private const string Sqlite = """
        INSERT INTO "OutboxMessages" ("EventId", "Type", "CustomerId", "CustomerVersion", "OccurredAt", "Payload")
        VALUES (@EventId, @Type, @CustomerId, @CustomerVersion, @OccurredAt, @Payload);
        INSERT INTO "PendingOutboxMessages" ("MessageId") VALUES (last_insert_rowid());
        """;

    private const string PostgreSql = """
        INSERT INTO "OutboxMessages" ("EventId", "Type", "CustomerId", "CustomerVersion", "OccurredAt", "Payload")
        VALUES (@EventId, @Type, @CustomerId, @CustomerVersion, @OccurredAt, @Payload);
        INSERT INTO "PendingOutboxMessages" ("MessageId") VALUES (lastval());
        """;

    private const string SqlServer = """
        INSERT INTO [OutboxMessages] ([EventId], [Type], [CustomerId], [CustomerVersion], [OccurredAt], [Payload])
        VALUES (@EventId, @Type, @CustomerId, @CustomerVersion, @OccurredAt, @Payload);
        INSERT INTO [PendingOutboxMessages] ([MessageId]) VALUES (SCOPE_IDENTITY());
        """;

    public static async Task WriteAsync(CustomerDbContext db, DbTransaction transaction, OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var command = Command(db, transaction, message);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static void Write(CustomerDbContext db, DbTransaction transaction, OutboxMessage message)
    {
        using var command = Command(db, transaction, message);
        command.ExecuteNonQuery();
    }

    private static DbCommand Command(CustomerDbContext db, DbTransaction transaction, OutboxMessage message)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        // By the context's type (one per provider): asking EF Core for the provider's name resolves a service on every call.
        command.CommandText = db switch
        {
            SqliteCustomerDbContext => Sqlite,
            PostgreSqlCustomerDbContext => PostgreSql,
            SqlServerCustomerDbContext => SqlServer,
            _ => throw new NotSupportedException($"The outbox has no insert for {db.GetType().Name}."),
        };

        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        Bind(command, entity, nameof(OutboxMessage.EventId), message.EventId);
        Bind(command, entity, nameof(OutboxMessage.Type), message.Type);
        Bind(command, entity, nameof(OutboxMessage.CustomerId), message.CustomerId);
        Bind(command, entity, nameof(OutboxMessage.CustomerVersion), message.CustomerVersion);
        Bind(command, entity, nameof(OutboxMessage.OccurredAt), message.OccurredAt);
        Bind(command, entity, nameof(OutboxMessage.Payload), message.Payload);
        return command;
    }

    private static void Bind(DbCommand command, IEntityType entity, string property, object value) =>
        command.Parameters.Add(entity.FindProperty(property)!.GetRelationalTypeMapping().CreateParameter(command, "@" + property, value));
}
