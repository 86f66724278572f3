using System.Buffers;
using AnyAscii;

namespace Chokepoint.Trade.Matching;

/// <summary>
/// The one place that turns place names, addresses and manufacturer names in any script into lower-case Latin tokens.
/// </summary>
/// <remarks>
/// Transliterates with AnyAscii, lower-cases and splits on anything that is not a letter or digit. This is the seam
/// where the shared name normaliser takes over once it is available, so place and manufacturer matching converge
/// with party matching. Stateless and thread-safe.
/// </remarks>
internal static class TradeText
{
    private static readonly SearchValues<char> AsciiLetterOrDigit =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>Returns the text as lower-case ASCII, words separated by single spaces.</summary>
    public static string Normalize(string text) => string.Join(' ', Tokens(text));

    /// <summary>Returns the lower-case ASCII tokens of the text.</summary>
    public static string[] Tokens(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var ascii = text.Transliterate();
        var tokens = new List<string>();
        var span = ascii.AsSpan();
        while (!span.IsEmpty)
        {
            var start = span.IndexOfAny(AsciiLetterOrDigit);
            if (start < 0)
            {
                break;
            }

            span = span[start..];
            var end = span.IndexOfAnyExcept(AsciiLetterOrDigit);
            var word = end < 0 ? span : span[..end];
            tokens.Add(word.ToString().ToLowerInvariant());
            span = end < 0 ? [] : span[end..];
        }

        return [.. tokens];
    }
}
