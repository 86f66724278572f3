using Chokepoint.Core;
using Chokepoint.Text;

namespace Chokepoint.Server.Web;

/// <summary>One piece of a displayed name: a word that met a token on the other side, or the text between.</summary>
/// <param name="Text">The text as written (never pre-escaped; Razor escapes it).</param>
/// <param name="Kind">How the word matched, or null for text that matched nothing.</param>
/// <param name="Partner">The normalised token it met on the other side, or null.</param>
public sealed record NameSegment(string Text, TokenMatchKind? Kind, string? Partner);

/// <summary>Splits a displayed name into segments so that the words the matcher aligned can be highlighted.</summary>
/// <remarks>
/// The alignments hold normalised tokens (Latin, lower case); each written word is normalised the same way and marked
/// when one of its tokens appears in an alignment. Runs once per displayed match, off the hot path. Thread-safe.
/// </remarks>
public static class NameHighlighter
{
    /// <summary>Returns the segments of the query's name.</summary>
    public static IReadOnlyList<NameSegment> ForQuery(string name, IReadOnlyList<TokenAlignment> alignments) =>
        Split(name, alignments, query: true);

    /// <summary>Returns the segments of the listed name.</summary>
    public static IReadOnlyList<NameSegment> ForListed(string name, IReadOnlyList<TokenAlignment> alignments) =>
        Split(name, alignments, query: false);

    /// <summary>Returns the word for a match kind as analysts say it: exact, transliteration, phonetic, typo….</summary>
    public static string Describe(TokenMatchKind kind) => kind switch
    {
        TokenMatchKind.Exact => "exact",
        TokenMatchKind.Transliteration => "transliteration",
        TokenMatchKind.Phonetic => "phonetic",
        TokenMatchKind.EditDistance => "typo",
        TokenMatchKind.Initial => "initial",
        TokenMatchKind.Synonym => "synonym",
        TokenMatchKind.Compound => "compound",
        TokenMatchKind.Acronym => "acronym",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static List<NameSegment> Split(string name, IReadOnlyList<TokenAlignment> alignments, bool query)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(alignments);
        var tokens = new Dictionary<string, TokenAlignment>(StringComparer.Ordinal);
        foreach (var a in alignments)
        {
            // A compound alignment can hold two words on one side ("abdul rahman" / "abdulrahman").
            foreach (var part in (query ? a.Query : a.Listed).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                tokens.TryAdd(part, a);
            }
        }

        var segments = new List<NameSegment>();
        var plain = 0;
        var i = 0;
        while (i < name.Length)
        {
            if (char.IsWhiteSpace(name[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < name.Length && !char.IsWhiteSpace(name[i]))
            {
                i++;
            }

            var word = name[start..i];
            TokenAlignment? hit = null;
            foreach (var token in NameNormalizer.Tokens(word))
            {
                if (tokens.TryGetValue(token, out var a))
                {
                    hit = a;
                    break;
                }
            }

            if (hit is null)
            {
                continue;
            }

            if (start > plain)
            {
                segments.Add(new NameSegment(name[plain..start], null, null));
            }

            segments.Add(new NameSegment(word, hit.Kind, query ? hit.Listed : hit.Query));
            plain = i;
        }

        if (plain < name.Length)
        {
            segments.Add(new NameSegment(name[plain..], null, null));
        }

        return segments;
    }
}
