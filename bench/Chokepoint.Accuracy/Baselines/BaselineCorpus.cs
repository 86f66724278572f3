using System.Text;
using AnyAscii;
using Chokepoint.Core;

namespace Chokepoint.Accuracy.Baselines;

/// <summary>One listed name prepared the way a deployment of the baselines prepares it.</summary>
internal sealed record BaselineName(int EntryIndex, string Original, string Normalized, string[] Tokens);

/// <summary>
/// Every listed name, transliterated to Latin (AnyAscii), lower-cased and stripped of punctuation: the preprocessing a
/// real deployment of a general-purpose fuzzy matcher would have in front of it.
/// </summary>
internal sealed class BaselineCorpus
{
    private BaselineCorpus(IReadOnlyList<ListEntry> entries, BaselineName[] names)
    {
        Entries = entries;
        Names = names;
    }

    public IReadOnlyList<ListEntry> Entries { get; }

    public IReadOnlyList<BaselineName> Names { get; }

    public static BaselineCorpus Build(IReadOnlyList<ListEntry> entries)
    {
        var names = new List<BaselineName>();
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var name in entries[i].AllNames())
            {
                var normalized = Normalize(name);
                if (normalized.Length > 0)
                {
                    names.Add(new BaselineName(i, name, normalized, Tokenize(normalized)));
                }
            }
        }

        return new BaselineCorpus(entries, [.. names]);
    }

    /// <summary>Transliterates to ASCII, lower-cases, drops apostrophes and turns other punctuation into spaces.</summary>
    public static string Normalize(string name)
    {
        var ascii = name.Transliterate();
        var sb = new StringBuilder(ascii.Length);
        var space = true;
        foreach (var ch in ascii)
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else if (ch is '\'' or '`' or '"')
            {
                // O'Brien, Prokop'ev: an apostrophe joins, it does not split.
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }

        return sb.ToString().TrimEnd();
    }

    public static string[] Tokenize(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Collects the best score per listed entity and returns the top entities, best first.</summary>
    public MatcherOutcome Rank(Dictionary<int, (double Score, int Name)> bestByEntry, int top)
    {
        var ranked = bestByEntry
            .OrderByDescending(kv => kv.Value.Score)
            .ThenBy(kv => kv.Key)
            .Take(top)
            .Select(kv =>
            {
                var entry = Entries[kv.Key];
                return new RankedMatch(entry.Id, kv.Value.Score, Names[kv.Value.Name].Original, entry.Schema);
            })
            .ToArray();
        return ranked.Length == 0 ? MatcherOutcome.Empty : new MatcherOutcome(ranked, ranked[0].Score);
    }

    /// <summary>Keeps the better of two scores for the entry a name belongs to.</summary>
    public void Offer(Dictionary<int, (double Score, int Name)> bestByEntry, int nameIndex, double score)
    {
        var entry = Names[nameIndex].EntryIndex;
        if (!bestByEntry.TryGetValue(entry, out var current) || score > current.Score)
        {
            bestByEntry[entry] = (score, nameIndex);
        }
    }
}
