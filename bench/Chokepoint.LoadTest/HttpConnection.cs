using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chokepoint.LoadTest;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends prepared request bytes and reads one response at a time.
/// </summary>
/// <remarks>
/// Raw sockets instead of HttpClient: the generator shares the two cores with the server, so it must spend as little
/// CPU per request as it can. Not thread-safe; one caller at a time.
/// </remarks>
internal sealed class HttpConnection(EndPoint endpoint, TimeSpan timeout) : IDisposable
{
    private Socket? _socket;
    private CancellationTokenSource? _timeout;
    private byte[] _buffer = new byte[16 * 1024];

    /// <summary>Gets how many times the connection was (re)opened.</summary>
    public int Opened { get; private set; }

    /// <summary>Sends one request and reads its response; a failure closes the connection and returns status 0.</summary>
    public async ValueTask<(int Status, bool Alert)> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        try
        {
            if (_socket is null)
            {
                await ConnectAsync(cancellationToken);
            }

            if (_timeout is null || !_timeout.TryReset())
            {
                _timeout?.Dispose();
                _timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            }

            _timeout.CancelAfter(timeout);
            var token = _timeout.Token;
            await _socket!.SendAsync(request, SocketFlags.None, token);
            var filled = 0;
            while (true)
            {
                if (filled == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                var read = await _socket.ReceiveAsync(_buffer.AsMemory(filled), SocketFlags.None, token);
                if (read == 0)
                {
                    throw new IOException("The server closed the connection.");
                }

                filled += read;
                var response = _buffer.AsSpan(0, filled);
                if (HttpResponseParser.TryParse(response, out var status, out var length, out var close))
                {
                    var alert = response[..length].IndexOf("\"alert\":true"u8) >= 0;
                    if (close)
                    {
                        Close();
                    }

                    return (status, alert);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            Close();
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return (0, false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Close();
        _timeout?.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        Opened++;
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }
}

/// <summary>Finds where an HTTP/1.1 response ends: Content-Length or chunked bodies.</summary>
internal static class HttpResponseParser
{
    /// <summary>Returns true when <paramref name="data"/> holds a whole response, with its status and length.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out int status, out int length, out bool close)
    {
        status = 0;
        length = 0;
        close = false;
        var headerEnd = data.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0 || headerEnd < 12 || !Utf8Parser.TryParse(data.Slice(9, 3), out status, out _))
        {
            return false;
        }

        var contentLength = -1;
        var chunked = false;
        var headers = data[..headerEnd];
        while (headers.Length > 0)
        {
            var end = headers.IndexOf("\r\n"u8);
            var line = end < 0 ? headers : headers[..end];
            headers = end < 0 ? default : headers[(end + 2)..];
            if (StartsWith(line, "content-length:"))
            {
                _ = Utf8Parser.TryParse(line["content-length:".Length..].Trim((byte)' '), out contentLength, out _);
            }
            else if (StartsWith(line, "transfer-encoding:"))
            {
                chunked = line.IndexOf("chunked"u8) >= 0;
            }
            else if (StartsWith(line, "connection:"))
            {
                close = line.IndexOf("close"u8) >= 0;
            }
        }

        var bodyStart = headerEnd + 4;
        if (contentLength >= 0)
        {
            length = bodyStart + contentLength;
            return data.Length >= length;
        }

        if (!chunked)
        {
            length = bodyStart;
            return true;
        }

        // Chunks: hex size, CRLF, data, CRLF; a zero-size chunk and an empty line end the body.
        var at = bodyStart;
        while (true)
        {
            var sizeEnd = data[at..].IndexOf("\r\n"u8);
            if (sizeEnd < 0 || !Utf8Parser.TryParse(data.Slice(at, sizeEnd), out int size, out _, 'x'))
            {
                return false;
            }

            at += sizeEnd + 2;
            if (size == 0)
            {
                length = at + 2;
                return data.Length >= length;
            }

            at += size + 2;
            if (at > data.Length)
            {
                return false;
            }
        }
    }

    private static bool StartsWith(ReadOnlySpan<byte> line, string prefix) =>
        line.Length >= prefix.Length && Ascii.EqualsIgnoreCase(line[..prefix.Length], prefix);
}
