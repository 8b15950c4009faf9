using System.Reflection;
using Microsoft.Data.SqlClient;

namespace CustomerService.Tests.Support.SqlServer;

/// <summary>
/// SqlExceptions as SqlClient raises them for a server's error, built by reflection: the type has no
/// public constructor, and no SQL Server runs here to provoke one. Written against SqlClient 6.1's
/// internals; if they change, <see cref="Create"/> fails loudly rather than build something else.
/// </summary>
internal static class SqlExceptions
{
    private const BindingFlags Internal = BindingFlags.NonPublic | BindingFlags.Instance;

    public static SqlException Create(int number, string message, byte errorClass = 16)
    {
        // SqlError(int infoNumber, byte errorState, byte errorClass, string server, string errorMessage,
        //          string procedure, int lineNumber, Exception exception)
        var errorConstructor = typeof(SqlError).GetConstructor(
            Internal,
            [typeof(int), typeof(byte), typeof(byte), typeof(string), typeof(string), typeof(string), typeof(int), typeof(Exception)])
            ?? throw new MissingMethodException("SqlClient no longer has the SqlError constructor this helper uses.");
        var error = (SqlError)errorConstructor.Invoke([number, (byte)1, errorClass, "no-server", message, string.Empty, 1, null]);

        var errors = (SqlErrorCollection)(typeof(SqlErrorCollection).GetConstructor(Internal, Type.EmptyTypes)
            ?? throw new MissingMethodException("SqlClient no longer has SqlErrorCollection()."))
            .Invoke(null);
        (typeof(SqlErrorCollection).GetMethod("Add", Internal, [typeof(SqlError)])
            ?? throw new MissingMethodException("SqlClient no longer has SqlErrorCollection.Add."))
            .Invoke(errors, [error]);

        var create = typeof(SqlException).GetMethod(
            "CreateException", BindingFlags.NonPublic | BindingFlags.Static, [typeof(SqlErrorCollection), typeof(string)])
            ?? throw new MissingMethodException("SqlClient no longer has SqlException.CreateException.");
        return (SqlException)create.Invoke(null, [errors, "16.00.1000"])!;
    }
}
