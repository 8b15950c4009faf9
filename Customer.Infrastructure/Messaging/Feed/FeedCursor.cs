using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace CustomerService.Infrastructure.Messaging.Feed;

/// <summary>
/// The opaque <c>after</c>/<c>next</c> cursor of customer.changes: a position, URL-safe, with a check
/// value so that a damaged or hand-made cursor is refused rather than read from a random place. It is
/// not a secret: any position it could name is one the caller may read.
/// </summary>
internal static class FeedCursor
{
    private const byte Format = 1;
    private const int PositionLength = 1 + 8 + 8 + 8;
    private const int CheckLength = 8;
    private const int Length = PositionLength + CheckLength;

    /// <summary>Longer text than this is no cursor of ours.</summary>
    public const int MaxTextLength = 64;

    public static string Encode(FeedPosition position)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Format;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], position.Order);
        BinaryPrimitives.WriteInt64BigEndian(bytes[9..], position.Id);
        BinaryPrimitives.WriteInt64BigEndian(bytes[17..], position.OccurredAt.Ticks);
        Check(bytes[..PositionLength], bytes[PositionLength..]);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string text, out FeedPosition position)
    {
        ArgumentNullException.ThrowIfNull(text);
        position = default;
        Span<byte> bytes = stackalloc byte[Length];
        if (text.Length > MaxTextLength
            || !Base64Url.IsValid(text)
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written)
            || written != Length
            || bytes[0] != Format)
        {
            return false;
        }

        Span<byte> check = stackalloc byte[CheckLength];
        Check(bytes[..PositionLength], check);
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[17..]);
        if (!check.SequenceEqual(bytes[PositionLength..]) || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        position = new FeedPosition(
            BinaryPrimitives.ReadInt64BigEndian(bytes[1..]),
            BinaryPrimitives.ReadInt64BigEndian(bytes[9..]),
            new DateTime(ticks, DateTimeKind.Utc));
        return true;
    }

    private static void Check(ReadOnlySpan<byte> position, Span<byte> check)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(position, hash);
        hash[..CheckLength].CopyTo(check);
    }
}
