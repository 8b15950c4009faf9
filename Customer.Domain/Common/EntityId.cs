using System.Buffers.Text;
using System.Security.Cryptography;

namespace CustomerService.Domain.Common;

/// <summary>Opaque, URL-safe identifiers drawn from a cryptographic RNG.</summary>
public static class EntityId
{
    // 96 random bits: far beyond the 64 the contract asks for, and a whole number of base64 characters (16).
    private const int RandomBytes = 12;

    /// <summary>Longest id accepted from callers and stored; generated ids are 16 characters.</summary>
    public const int MaxLength = 64;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
