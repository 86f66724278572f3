using System.Collections.Frozen;
using System.Text.Json;

namespace Chokepoint.Trade.Matching;

/// <summary>Prefix index of HS codes over the CHPL and the Iran UAV item list, plus the description keyword tables.</summary>
/// <remarks>Built once; immutable and thread-safe.</remarks>
internal sealed class ItemCatalog
{
    private readonly FrozenDictionary<string, ChplEntry> _chplBy6;
    private readonly FrozenDictionary<string, ChplEntry[]> _chplBy4;
    private readonly FrozenDictionary<string, IranUavItem[]> _uavBy6;
    private readonly FrozenDictionary<string, IranUavItem[]> _uavBy4;
    private readonly (IranUavItem Item, Phrases Keywords)[] _uavKeywords;
    private readonly (string Heading, Phrases Keywords)[] _headings;

    public ItemCatalog(ReferenceData data, string keywordsJson)
    {
        _chplBy6 = data.Chpl.ToFrozenDictionary(c => c.Hs6.Digits, StringComparer.Ordinal);
        _chplBy4 = data.Chpl.GroupBy(c => c.Hs6.Digits[..4], StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var coded = data.IranUavItems.Where(u => u.HsCode is { Length: >= 6 }).ToList();
        _uavBy6 = coded.GroupBy(u => u.HsCode!.Value.Digits[..6], StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _uavBy4 = coded.GroupBy(u => u.HsCode!.Value.Digits[..4], StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        using var doc = JsonDocument.Parse(keywordsJson);
        var uav = new List<(IranUavItem, Phrases)>();
        var missing = new List<string>();
        foreach (var e in doc.RootElement.GetProperty("uavItems").EnumerateArray())
        {
            var name = e.GetProperty("item").GetString()!;
            var keywords = new Phrases(e.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!));
            var rows = data.IranUavItems.Where(u => string.Equals(u.Description, name, StringComparison.Ordinal)).ToList();
            if (rows.Count == 0)
            {
                missing.Add(name);
            }

            foreach (var row in rows)
            {
                uav.Add((row, keywords));
            }
        }

        UnmatchedKeywordItems = missing;
        _uavKeywords = [.. uav];
        _headings = doc.RootElement.GetProperty("headings").EnumerateArray()
            .Select(e => (e.GetProperty("hs").GetString()!, new Phrases(e.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!))))
            .ToArray();
    }

    /// <summary>Gets keyword entries whose item names no row of <c>iran_uav_items.csv</c> (a data error).</summary>
    public IReadOnlyList<string> UnmatchedKeywordItems { get; }

    /// <summary>Gets the Iran UAV rows a description keyword can reach, each with its first keyword.</summary>
    public IEnumerable<(IranUavItem Item, string Keyword)> KeywordItems => _uavKeywords.Select(x => (x.Item, x.Keywords.Texts[0]));

    /// <summary>Returns the CHPL entry for a code of six or more digits, or null.</summary>
    public ChplEntry? Chpl(HsCode code) =>
        code.Length >= 6 && _chplBy6.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code.Digits.AsSpan(0, 6), out var e) ? e : null;

    /// <summary>Returns the CHPL entries a 4-digit (or 2-digit) code covers.</summary>
    public ChplEntry[] ChplCovered(HsCode code)
    {
        if (code.Length >= 6)
        {
            return [];
        }

        if (code.Length == 4)
        {
            return _chplBy4.TryGetValue(code.Digits, out var e) ? e : [];
        }

        return ChplInChapter(code);
    }

    // Apart so that the lambda's capture is not allocated on every call of ChplCovered.
    private ChplEntry[] ChplInChapter(HsCode chapter) => [.. _chplBy6.Values.Where(c => c.Hs6.IsWithin(chapter))];

    /// <summary>Returns the Iran UAV rows matching the code (exact subheading), or those a heading covers.</summary>
    public IranUavItem[] Uav(HsCode code, out bool covered)
    {
        covered = code.Length < 6;
        if (code.Length >= 6)
        {
            return _uavBy6.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code.Digits.AsSpan(0, 6), out var e) ? e : [];
        }

        if (code.Length == 4)
        {
            return _uavBy4.TryGetValue(code.Digits, out var e) ? e : [];
        }

        return [];
    }

    /// <summary>Returns the Iran UAV rows (without HS codes) whose keywords the description holds, with the keyword.</summary>
    public (IranUavItem Item, string Keyword)[] UavByDescription(string[] descriptionTokens) => Found(_uavKeywords, descriptionTokens);

    /// <summary>Returns the headings the description implies, with the first keyword for each.</summary>
    public (string Heading, string Keyword)[] ImpliedHeadings(string[] descriptionTokens) => Found(_headings, descriptionTokens);

    // The entries whose keywords the tokens hold, each with its first keyword found; no allocation when none is.
    private static (T Entry, string Keyword)[] Found<T>((T Entry, Phrases Keywords)[] table, string[] tokens)
    {
        if (tokens.Length == 0)
        {
            return [];
        }

        // Which phrase of each entry was found (-1 for none), so that the result is allocated once at its size.
        Span<int> at = table.Length <= 256 ? stackalloc int[table.Length] : new int[table.Length];
        var count = 0;
        for (var e = 0; e < table.Length; e++)
        {
            at[e] = table[e].Keywords.Find(tokens);
            count += at[e] >= 0 ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var found = new (T, string)[count];
        count = 0;
        for (var e = 0; e < table.Length; e++)
        {
            if (at[e] >= 0)
            {
                found[count++] = (table[e].Entry, table[e].Keywords.Texts[at[e]]);
            }
        }

        return found;
    }
}
