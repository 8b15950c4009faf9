using System.Diagnostics.CodeAnalysis;
using CustomerService.Application.Common.Errors;

namespace CustomerService.Application.Common.Results;

/// <summary>The outcome of a use case: a value, or the <see cref="ServiceError"/> that prevented it.</summary>
public readonly struct Result<T> : IFailableResult<Result<T>>, IEquatable<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, ServiceError? error)
    {
        _value = value;
        Error = error;
    }

    public ServiceError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"The result is a failure ({Error.Code}) and has no value.");

#pragma warning disable CA1000 // Static factories on the generic type are what IFailableResult needs.
    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(ServiceError serviceError)
    {
        ArgumentNullException.ThrowIfNull(serviceError);
        return new(default, serviceError);
    }
#pragma warning restore CA1000

#pragma warning disable CA2225 // Success and Failure are the named alternatives.
    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(ServiceError error) => Failure(error);
#pragma warning restore CA2225

    public static bool operator ==(Result<T> left, Result<T> right) => left.Equals(right);

    public static bool operator !=(Result<T> left, Result<T> right) => !left.Equals(right);

    public bool Equals(Result<T> other) =>
        EqualityComparer<T?>.Default.Equals(_value, other._value) && Equals(Error, other.Error);

    public override bool Equals(object? obj) => obj is Result<T> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_value, Error);

    public override string ToString() => IsSuccess ? $"Success({_value})" : $"Failure({Error.Code})";
}
