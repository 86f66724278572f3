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

/// <summary>The tokens of each distinct text met during one check, normalised once (addresses are read by several checks).</summary>
/// <remarks>Per check; not thread-safe.</remarks>
internal sealed class TokenMemo
{
    private readonly Dictionary<string, string[]> _tokens = new(StringComparer.Ordinal);

    /// <summary>Returns the lower-case Latin tokens of the text; none for null or blank text.</summary>
    public string[] Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (!_tokens.TryGetValue(text, out var tokens))
        {
            _tokens[text] = tokens = TradeText.Tokens(text);
        }

        return tokens;
    }
}
