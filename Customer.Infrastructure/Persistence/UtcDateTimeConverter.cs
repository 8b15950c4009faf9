using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>Timestamps are stored as UTC; neither provider keeps DateTimeKind, so it is restored on the way out.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
