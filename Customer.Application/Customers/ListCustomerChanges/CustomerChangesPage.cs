using System.Text.Json;

namespace CustomerService.Application.Customers.ListCustomerChanges;

/// <summary>One page of the change feed: CloudEvents as stored, and the cursor to continue from.</summary>
/// <param name="Changes">Structured CloudEvents, in commit order.</param>
/// <param name="Next">Continues after the last change returned; the given position when nothing was new.</param>
public sealed record CustomerChangesPage(IReadOnlyList<JsonElement> Changes, string Next);
