using System.Collections;
using CustomerService.Application.Common.Diagnostics;

namespace CustomerService.Application.Common.Behaviours;

/// <summary>
/// The state of the log scope <see cref="LoggingScopeBehaviour{TMessage, TResponse}"/> opens: the
/// message's name and, for a message about one customer, its id, as the property list every logging
/// provider understands (Serilog turns each pair into an event property; text providers print
/// <see cref="ToString"/>). One small immutable object per scope, and for a message without a
/// customer one shared instance, so opening the scope allocates as little as the provider lets it.
/// </summary>
internal sealed class CommandLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly string _command;
    private readonly string? _customerId;

    public CommandLogScope(string command, string? customerId)
    {
        _command = command;
        _customerId = customerId;
    }

    public int Count => _customerId is null ? 1 : 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(ApplicationDiagnostics.CommandProperty, _command),
        1 when _customerId is not null => new(ApplicationDiagnostics.CustomerIdProperty, _customerId),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "The scope has no property at this index."),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        _customerId is null
            ? $"{ApplicationDiagnostics.CommandProperty}:{_command}"
            : $"{ApplicationDiagnostics.CommandProperty}:{_command} {ApplicationDiagnostics.CustomerIdProperty}:{_customerId}";
}
