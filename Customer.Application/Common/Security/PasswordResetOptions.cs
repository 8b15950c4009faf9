namespace CustomerService.Application.Common.Security;

/// <summary><c>Security:PasswordReset</c>: how long an issued reset token stays valid.</summary>
public sealed record PasswordResetOptions
{
    public const string SectionName = "Security:PasswordReset";

    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

    public TimeSpan TokenLifetime { get; init; } = DefaultTokenLifetime;
}
