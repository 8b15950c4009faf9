using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CustomerService.Application.Common.Security;

/// <summary>New reset tokens, and the hash by which alone they are stored and found.</summary>
public static class PasswordResetTokenCodec
{
    // 256 random bits, twice the 128 asked for; base64url makes 43 URL-safe characters.
    private const int RandomBytes = 32;

    /// <summary>The longest token a caller may send; anything longer cannot be one of ours.</summary>
    public const int MaxLength = 256;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>
    /// SHA-256, hex. A fast hash suffices: the token is random and long, so unlike a password it cannot
    /// be guessed from its hash; and a lookup by hash leaks no timing about the token.
    /// </summary>
    public static string HashOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
