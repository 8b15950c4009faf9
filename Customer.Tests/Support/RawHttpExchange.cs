using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CustomerService.Tests.Support;

/// <summary>
/// One HTTP/1.1 request over a bare socket with <c>Connection: close</c>, and every byte the server sent
/// back: what an HttpClient would hide, such as a body sent after a HEAD.
/// </summary>
public sealed record RawHttpExchange(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    private static readonly byte[] EndOfHeaders = "\r\n\r\n"u8.ToArray();

    public static Task<RawHttpExchange> SendAsync(Uri baseAddress, string method, string pathAndQuery, string? bearerToken = null) =>
        SendAsync(baseAddress, method, pathAndQuery, bearerToken is null ? [] : [("Authorization", $"Bearer {bearerToken}")]);

    /// <summary>The request with these header fields, in this order, and no body.</summary>
    public static async Task<RawHttpExchange> SendAsync(Uri baseAddress, string method, string pathAndQuery, IReadOnlyList<(string Name, string Value)> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(baseAddress);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = tcp.GetStream();
        var request = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {pathAndQuery} HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {baseAddress.Authority}\r\n")
            .AppendJoin(string.Empty, headers.Select(h => $"{h.Name}: {h.Value}\r\n"))
            .Append("Connection: close\r\n\r\n")
            .ToString();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var received = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.CopyToAsync(received, timeout.Token);
        return Parse(received.ToArray());
    }

    private static RawHttpExchange Parse(byte[] response)
    {
        var end = response.AsSpan().IndexOf(EndOfHeaders);
        if (end < 0)
        {
            throw new AssertionException($"No end of headers in: {Encoding.ASCII.GetString(response)}");
        }

        var lines = Encoding.ASCII.GetString(response, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim(), StringComparer.Ordinal);
        return new RawHttpExchange(status, headers, response[(end + EndOfHeaders.Length)..]);
    }
}
