using System.Collections;
using System.Data;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CustomerService.Tests.Support.SqlServer;

/// <summary>
/// Answers a command roughly as a server would: one row for each SELECT (COUNT says <see cref="SampleCount"/>)
/// with its columns typed and valued from the EF model by column name, one row for each OUTPUT, and one
/// row changed by each INSERT, UPDATE or DELETE. Enough for EF Core to go on to its next statement.
/// </summary>
internal sealed class NoServerAnswers(IModel model)
{
    /// <summary>What every COUNT answers: enough for a later page than the first to be read.</summary>
    public const int SampleCount = 1000;

    private static readonly DateTime SampleTime = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    public NoServerResult Answer(RecordedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var script = (TSqlScript)TSqlSyntax.Parse(command.Text, out var errors);
        if (errors.Count > 0)
        {
            // The syntax test reports the errors; a command that does not parse can have no answer.
            throw new InvalidOperationException($"Unparsable command: {errors[0].Message}\n{command.Text}");
        }

        var resultSets = new List<DataTable>();
        var rowsAffected = 0;
        foreach (var statement in script.Batches.SelectMany(b => b.Statements))
        {
            switch (statement)
            {
                case SelectStatement { QueryExpression: QuerySpecification query }:
                    resultSets.Add(OneRow(query.SelectElements, table: null));
                    break;
                case SelectStatement select:
                    throw new NotSupportedException($"No answer for a {select.QueryExpression.GetType().Name}.");
                case DataModificationStatement change:
                    rowsAffected++;
                    if (OutputOf(change) is { } output)
                    {
                        resultSets.Add(OneRow(output.SelectColumns, TargetOf(change)));
                    }

                    break;
            }
        }

        return new NoServerResult(resultSets, rowsAffected);
    }

    private static OutputClause? OutputOf(DataModificationStatement change) => change switch
    {
        InsertStatement insert => insert.InsertSpecification.OutputClause,
        UpdateStatement update => update.UpdateSpecification.OutputClause,
        DeleteStatement delete => delete.DeleteSpecification.OutputClause,
        MergeStatement merge => merge.MergeSpecification.OutputClause,
        _ => null,
    };

    // The table a change writes, whose columns its OUTPUT returns.
    private static string? TargetOf(DataModificationStatement change) => (change switch
    {
        InsertStatement insert => insert.InsertSpecification.Target,
        UpdateStatement update => update.UpdateSpecification.Target,
        DeleteStatement delete => delete.DeleteSpecification.Target,
        _ => null,
    } as NamedTableReference)?.SchemaObject.BaseIdentifier.Value;

    private DataTable OneRow(IList<SelectElement> elements, string? table)
    {
        var rows = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        var row = new object[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            var value = elements[i] is SelectScalarExpression scalar
                ? Sample(scalar.Expression, table)
                : throw new NotSupportedException($"No answer for a {elements[i].GetType().Name}.");
            rows.Columns.Add($"c{i}", value.GetType());
            row[i] = value;
        }

        rows.Rows.Add(row);
        return rows;
    }

    private object Sample(ScalarExpression expression, string? table) => expression switch
    {
        ColumnReferenceExpression column => SampleOfColumn(column.MultiPartIdentifier.Identifiers[^1].Value, table),
        FunctionCall { FunctionName.Value: var name } when name.Equals("COUNT", StringComparison.OrdinalIgnoreCase) => SampleCount,
        FunctionCall { FunctionName.Value: var name } when name.Equals("COUNT_BIG", StringComparison.OrdinalIgnoreCase) => (long)SampleCount,

        // EF Core's Any(): CASE WHEN EXISTS (...) THEN CAST(1 AS bit) ELSE CAST(0 AS bit) END.
        SearchedCaseExpression => true,
        IntegerLiteral => 1,
        GlobalVariableExpression => 1,
        _ => throw new NotSupportedException($"No answer for a {expression.GetType().Name} column."),
    };

    private object SampleOfColumn(string columnName, string? tableName)
    {
        var property = model.GetEntityTypes()
            .SelectMany(entity => entity.GetProperties().Select(p => (Property: p, Table: StoreObjectIdentifier.Create(entity, StoreObjectType.Table))))
            .Where(p => p.Table is { } table && p.Property.GetColumnName(table) == columnName && (tableName is null || table.Name == tableName))
            .Select(p => p.Property)
            .FirstOrDefault() ?? throw new NotSupportedException($"No column {columnName} in the model.");
        var value = SampleOfType(property.ClrType);
        return property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value)! : value;
    }

    private static object SampleOfType(Type type) => type switch
    {
        _ when type == typeof(string) => "x",
        _ when type == typeof(int) => 1,
        _ when type == typeof(long) => 1L,
        _ when type == typeof(DateTime) => SampleTime,
        _ when type == typeof(CustomerStatus) => CustomerStatus.Active,
        _ when typeof(IEnumerable).IsAssignableFrom(type) => new List<string>(),
        _ => throw new NotSupportedException($"No sample value of {type.Name}."),
    };
}
