using System.Text;

namespace Chokepoint.Lists.Download;

/// <summary>Checks the first bytes of a downloaded file against what the source publishes.</summary>
/// <remarks>
/// Government servers answer outages and rate limits with "200 OK" HTML pages; such a page must never reach a reader,
/// which might read a few rows out of it. Stateless and thread-safe.
/// </remarks>
internal static class ContentSniffer
{
    /// <summary>Throws <see cref="DownloadException"/> when the head of the file does not fit the expected content.</summary>
    public static void Check(OfficialFile file, ReadOnlySpan<byte> head)
    {
        var text = SkipPreamble(head);
        if (text.IsEmpty)
        {
            throw new DownloadException($"{file.Url}: the server sent an empty file.");
        }

        if (LooksLikeHtml(text))
        {
            throw new DownloadException($"{file.Url}: the server sent an HTML page where {file.Content} was expected.");
        }

        var ok = file.Content switch
        {
            ExpectedContent.Xml => text[0] == (byte)'<',
            ExpectedContent.Xlsx => head.StartsWith("PK\u0003\u0004"u8),
            ExpectedContent.Json => text[0] is (byte)'{' or (byte)'[',
            _ => text[0] != (byte)'<' && !text.Contains((byte)0),
        };
        if (!ok)
        {
            var shown = Encoding.UTF8.GetString(text[..Math.Min(text.Length, 40)]).ReplaceLineEndings(" ");
            throw new DownloadException($"{file.Url}: the file does not start like {file.Content} (it starts \"{shown}\").");
        }
    }

    private static ReadOnlySpan<byte> SkipPreamble(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        return head.TrimStart(" \t\r\n"u8);
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> text)
    {
        Span<byte> lower = stackalloc byte[Math.Min(text.Length, 64)];
        for (var i = 0; i < lower.Length; i++)
        {
            var b = text[i];
            lower[i] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
        }

        return lower.StartsWith("<!doctype html"u8) || lower.StartsWith("<html"u8)
            || (lower.StartsWith("<?xml"u8) && lower.IndexOf("<html"u8) >= 0);
    }
}
