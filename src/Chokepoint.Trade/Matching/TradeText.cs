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
