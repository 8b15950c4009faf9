using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerService.Api.Authentication;

/// <summary>
/// Why a bearer token was refused, for the operator's log: a short reason code and a detail that
/// holds no part of the token itself. The client is told only <c>invalid_token</c>.
/// </summary>
internal sealed record TokenRefusal(string Reason, string Detail)
{
    public const string Missing = "missing";
    public const string NotBearer = "not_bearer";
    public const string Expired = "expired";
    public const string NotYetValid = "not_yet_valid";
    public const string NoExpiry = "no_expiry";
    public const string BadSignature = "bad_signature";
    public const string UnknownKey = "unknown_key";
    public const string WrongIssuer = "wrong_issuer";
    public const string WrongAudience = "wrong_audience";
    public const string Malformed = "malformed";
    public const string Invalid = "invalid";

    // Issuer and audience come from the caller's token: keep what reaches the log short.
    private const int MaxEchoedClaimLength = 100;

    /// <summary>The refusal for a challenge: the validation failure, or the absence of a bearer token.</summary>
    public static TokenRefusal For(Exception? failure, string? authorization) => failure switch
    {
        null when string.IsNullOrEmpty(authorization) => new(Missing, "no authorization header"),
        null => new(NotBearer, "the authorization header holds no bearer token"),
        AggregateException { InnerExceptions: [var first, ..] } => For(first, authorization),

        // Without a kid every configured key was tried: the signature is wrong. With one, the key is unknown.
        SecurityTokenSignatureKeyNotFoundException when !NamesAKey(authorization) =>
            new(BadSignature, "the signature does not verify with any configured key"),
        SecurityTokenExpiredException expired => new(Expired, $"expired at {expired.Expires:O}"),
        SecurityTokenNotYetValidException early => new(NotYetValid, $"not valid before {early.NotBefore:O}"),
        SecurityTokenNoExpirationException => new(NoExpiry, "the token has no expiry"),

        // A subclass of the invalid-signature exception: test it first.
        SecurityTokenSignatureKeyNotFoundException => new(UnknownKey, "no configured signing key matches the token"),
        SecurityTokenInvalidSignatureException => new(BadSignature, "the signature does not verify with the configured keys"),
        SecurityTokenInvalidIssuerException issuer => new(WrongIssuer, $"issuer '{Shorten(issuer.InvalidIssuer)}' is not trusted"),
        SecurityTokenInvalidAudienceException audience => new(WrongAudience, $"audience '{Shorten(audience.InvalidAudience)}' is not accepted"),
        SecurityTokenMalformedException or ArgumentException => new(Malformed, "the token is not a well-formed JWT"),
        _ => new(Invalid, failure.GetType().Name),
    };

    private static bool NamesAKey(string? authorization)
    {
        const string scheme = "Bearer ";
        var token = authorization is not null && authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[scheme.Length..].Trim()
            : null;
        var handler = new JsonWebTokenHandler();
        return token is not null && handler.CanReadToken(token) && !string.IsNullOrEmpty(handler.ReadJsonWebToken(token).Kid);
    }

    // The claim is the caller's text: control characters go, so it cannot forge a line of a plain-text log.
    private static string Shorten(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var shown = value.Length <= MaxEchoedClaimLength ? value : value[..MaxEchoedClaimLength] + "…";
        return string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c));
    }
}
