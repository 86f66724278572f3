using System.Collections.Concurrent;
using Chokepoint.Text;

namespace Chokepoint.Trade.Matching;

/// <summary>
/// The one place that turns place names, addresses, descriptions and manufacturer names in any script into lower-case
/// Latin tokens.
/// </summary>
/// <remarks>
/// Delegates to the shared <see cref="NameNormalizer"/> (script to Latin, romanisation-converged, confusable-folded,
/// lower case), so places and manufacturers are normalised exactly as party names are. Stateless and thread-safe.
/// </remarks>
internal static class TradeText
{
    /// <summary>Returns the text as lower-case Latin words separated by single spaces.</summary>
    public static string Normalize(string text) => string.IsNullOrWhiteSpace(text) ? string.Empty : NameNormalizer.Normalize(text);

    /// <summary>Returns the lower-case Latin tokens of the text.</summary>
    public static string[] Tokens(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = NameNormalizer.Tokens(text);
        return tokens as string[] ?? [.. tokens];
    }
}

/// <summary>The tokens of texts met by the checks, normalised once and kept for later documents.</summary>
/// <remarks>
/// Manufacturer names, item descriptions, route places and the addresses of regular counterparties recur from one
/// document to the next, and normalising a text costs far more than looking it up. Bounded: when full it starts again,
/// so memory stays small whatever the traffic. The token arrays are shared and must not be changed. Thread-safe.
/// </remarks>
internal sealed class TokenCache
{
    /// <summary>The most texts kept.</summary>
    public const int Capacity = 16_384;

    /// <summary>The longest text kept (longer texts rarely recur).</summary>
    public const int MaxTextLength = 256;

    private readonly ConcurrentDictionary<string, string[]> _tokens = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Returns the lower-case Latin tokens of the text; none for null or blank text.</summary>
    public string[] Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (_tokens.TryGetValue(text, out var tokens))
        {
            return tokens;
        }

        tokens = TradeText.Tokens(text);
        if (text.Length <= MaxTextLength && _tokens.TryAdd(text, tokens) && Interlocked.Increment(ref _count) > Capacity)
        {
            // Rare: start again rather than track use; concurrent readers just normalise again.
            _tokens.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        return tokens;
    }
}
