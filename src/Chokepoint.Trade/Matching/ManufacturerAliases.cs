using System.Text.Json;

namespace Chokepoint.Trade.Matching;

/// <summary>Maps a manufacturer name to the alias groups it names (TI / Texas Instruments, ADI / Linear Technology / Maxim…).</summary>
/// <remarks>Built once from the shipped <c>manufacturers.json</c>; immutable and thread-safe.</remarks>
internal sealed class ManufacturerAliases
{
    // Words that never identify a maker on their own.
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "inc", "ltd", "co", "corp", "corporation", "company", "limited", "llc", "gmbh", "ag", "sa", "plc", "the", "group",
        "technology", "technologies", "electronics", "electronic", "semiconductor", "semiconductors", "products", "integrated",
        "international", "industries", "manufacturing", "science", "not", "identified", "and", "of",
    };

    private readonly (string Id, string[][] Names)[] _groups;

    private ManufacturerAliases((string Id, string[][] Names)[] groups) => _groups = groups;

    public static ManufacturerAliases Default { get; } = Load(EmbeddedRules.Read("manufacturers.json"));

    public static ManufacturerAliases Load(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var groups = new List<(string, string[][])>();
        foreach (var g in doc.RootElement.GetProperty("groups").EnumerateArray())
        {
            var names = new List<string[]>();
            foreach (var n in g.GetProperty("names").EnumerateArray())
            {
                names.Add(TradeText.Tokens(n.GetString()!));
            }

            groups.Add((g.GetProperty("id").GetString()!, [.. names]));
        }

        return new ManufacturerAliases([.. groups]);
    }

    /// <summary>Returns the group ids the name mentions; a name in no group yields its first distinctive word.</summary>
    public string[] Groups(string? manufacturer) =>
        string.IsNullOrWhiteSpace(manufacturer) ? [] : Groups(TradeText.Tokens(manufacturer));

    /// <summary>Returns the group ids a manufacturer's normalised tokens mention.</summary>
    public string[] Groups(string[] tokens)
    {
        if (tokens.Length == 0)
        {
            return [];
        }

        var found = new List<string>();
        foreach (var (id, names) in _groups)
        {
            foreach (var name in names)
            {
                if (TokenSequence.IndexOf(tokens, name) >= 0)
                {
                    found.Add(id);
                    break;
                }
            }
        }

        if (found.Count == 0)
        {
            foreach (var t in tokens)
            {
                if (!Generic.Contains(t))
                {
                    found.Add("name:" + t);
                    break;
                }
            }
        }

        return [.. found];
    }

    /// <summary>Gets whether two group sets share a maker.</summary>
    public static bool Agree(string[] a, string[] b)
    {
        foreach (var x in a)
        {
            if (Array.IndexOf(b, x) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Finds a sequence of tokens inside another.</summary>
internal static class TokenSequence
{
    /// <summary>Returns the index where <paramref name="needle"/> starts in <paramref name="haystack"/>, or -1.</summary>
    public static int IndexOf(string[] haystack, string[] needle)
    {
        if (needle.Length == 0 || needle.Length > haystack.Length)
        {
            return -1;
        }

        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && string.Equals(haystack[i + j], needle[j], StringComparison.Ordinal))
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }
}
