namespace CustomerService.Application.Common.Errors;

/// <summary>A failure as the caller sees it: a code from <see cref="ErrorCodes"/> and optional details.</summary>
/// <param name="Code">The snake_case error code.</param>
/// <param name="Data">Details for the caller; one of the records in this folder, or null.</param>
public sealed record ServiceError(string Code, object? Data = null)
{
    /// <summary>When the request may be tried again, for the <c>Retry-After</c> header; null when it says nothing.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary><see cref="RetryAfter"/> in whole seconds, rounded up, at least one: what Retry-After carries.</summary>
    public static int WholeSeconds(TimeSpan wait) => (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
}
