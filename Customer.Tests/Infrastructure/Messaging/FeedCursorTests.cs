using CustomerService.Infrastructure.Messaging.Feed;

namespace CustomerService.Tests.Infrastructure.Messaging;

public sealed class FeedCursorTests
{
    private static readonly FeedPosition[] Positions =
    [
        FeedPosition.Start,
        new(1, 1, new DateTime(2026, 12, 2, 1, 2, 3, DateTimeKind.Utc).AddTicks(4560)),
        new(long.MaxValue, long.MaxValue, DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)),
        new(7_000_000_123, 42, DateTime.UnixEpoch),
    ];

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void ACursorReadsBackAsThePositionItWasMadeFrom(int index)
    {
        var position = Positions[index];
        var text = FeedCursor.Encode(position);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(FeedCursor.TryDecode(text, out var decoded), Is.True);
            Assert.That(decoded, Is.EqualTo(position));
            Assert.That(text, Does.Match("^[A-Za-z0-9_-]+$"), "URL-safe, no padding");
            Assert.That(text, Has.Length.LessThanOrEqualTo(FeedCursor.MaxTextLength));
        }
    }

    [Test]
    public void ACursorWithAnyByteChangedIsRefused()
    {
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(FeedCursor.Encode(Positions[1]));
        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x01;

            Assert.That(FeedCursor.TryDecode(System.Buffers.Text.Base64Url.EncodeToString(changed), out _), Is.False, $"byte {i}");
        }
    }

    [TestCase("")]
    [TestCase("====")]
    [TestCase("a b")]
    [TestCase("AQ")]
    public void TextThatIsNoCursorIsRefused(string text) => Assert.That(FeedCursor.TryDecode(text, out _), Is.False);
}
