using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Chokepoint.Trade.Matching;

/// <summary>How an ordered part number met a documented component.</summary>
internal enum ComponentMatchKind
{
    /// <summary>Same key after folding case, separators and look-alike letters.</summary>
    Exact,

    /// <summary>The listed part is a prefix of the ordered one, followed by a short packaging or ordering suffix (TR, REEL, PBF, ND).</summary>
    Suffix,

    /// <summary>Same base part family (e.g. STM32F405 for STM32F405RGT6 and STM32F405VGT6).</summary>
    Family,
}

/// <summary>A documented component an ordered part number matched.</summary>
internal readonly record struct ComponentMatch(ComponentMatchKind Kind, string ListedKey, BattlefieldComponent[] Components, bool? ManufacturerAgrees);

/// <summary>What a finding reports about a set of matched components, worked out once per set.</summary>
/// <remarks>Immutable; the arrays are shared by every finding on the set and must not be changed.</remarks>
internal sealed class ComponentGroup
{
    public ComponentGroup(BattlefieldComponent[] components)
    {
        var first = components[0];
        Weapons = [.. components.Select(c => c.Weapon).Distinct(StringComparer.Ordinal)];
        WeaponsText = string.Join(", ", Weapons);
        Specimens = [.. components.Select(c => c.Specimen).Distinct(StringComparer.Ordinal)];
        Urls = [.. components.SelectMany(c => c.SourceUrls).Distinct(StringComparer.Ordinal)];
        Rows = [.. components.Select(c => c.Location.ToString())];
        Source = first.SourceDocument + (first.SourceUrls.Count > 0 ? " " + first.SourceUrls[0] : string.Empty);
    }

    /// <summary>Gets the distinct weapons the components were found in.</summary>
    public string[] Weapons { get; }

    /// <summary>Gets the weapons joined for a summary.</summary>
    public string WeaponsText { get; }

    /// <summary>Gets the distinct recovered specimens.</summary>
    public string[] Specimens { get; }

    /// <summary>Gets the distinct component pages.</summary>
    public string[] Urls { get; }

    /// <summary>Gets the reference rows.</summary>
    public string[] Rows { get; }

    /// <summary>Gets the source of the first component: its document and first page.</summary>
    public string Source { get; }
}

/// <summary>Part-number index over <c>battlefield_components.csv</c>, built once.</summary>
/// <remarks>Immutable and thread-safe. A lookup allocates nothing but the match's subset of components, when the maker agrees with only some.</remarks>
internal sealed class ComponentIndex
{
    /// <summary>The longest packaging or ordering suffix tolerated after a listed part number.</summary>
    public const int MaxSuffix = 6;

    /// <summary>The longest ordering suffix tolerated when a separator sets it off from the listed part number.</summary>
    public const int MaxSuffixAfterSeparator = 12;

    /// <summary>The shortest listed key that may match as a prefix (shorter keys match only exactly).</summary>
    public const int MinPrefixKey = 4;

    /// <summary>The shortest family stem used.</summary>
    public const int MinStem = 5;

    private readonly FrozenDictionary<string, BattlefieldComponent[]> _byKey;
    private readonly FrozenDictionary<string, BattlefieldComponent[]>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    private readonly FrozenDictionary<string, BattlefieldComponent[]> _byStem;
    private readonly FrozenDictionary<string, BattlefieldComponent[]>.AlternateLookup<ReadOnlySpan<char>> _byStemSpan;
    private readonly FrozenDictionary<BattlefieldComponent, string[]> _makers;
    private readonly FrozenDictionary<BattlefieldComponent[], ComponentGroup> _groups;

    // The key each of the index's sets is filed under, so a match reports the index's string and allocates none.
    private readonly FrozenDictionary<BattlefieldComponent[], string> _keyOf;
    private readonly ManufacturerAliases _aliases;

    // The alias groups of each manufacturer's tokens; the checks' tokens come from a shared cache, so a maker seen
    // before is looked up by reference, not worked out again. Weak, so arrays no longer used go with the collector.
    private readonly ConditionalWeakTable<string[], string[]> _makerGroups = new();
    private readonly ConditionalWeakTable<string[], string[]>.CreateValueCallback _groupsOf;

    public ComponentIndex(IReadOnlyList<BattlefieldComponent> components, ManufacturerAliases aliases)
    {
        _aliases = aliases;
        _groupsOf = aliases.Groups;
        var byKey = new Dictionary<string, List<BattlefieldComponent>>(StringComparer.Ordinal);
        var byStem = new Dictionary<string, List<BattlefieldComponent>>(StringComparer.Ordinal);
        var makers = new Dictionary<BattlefieldComponent, string[]>(ReferenceEqualityComparer.Instance);
        foreach (var c in components)
        {
            var key = PartNumber.Key(c.PartNumberNormalized);
            if (key.Length == 0)
            {
                continue;
            }

            Add(byKey, key, c);
            if (Stem(key) is { } stem)
            {
                Add(byStem, stem, c);
            }

            makers[c] = aliases.Groups(c.Manufacturer);
        }

        _byKey = byKey.ToFrozenDictionary(x => x.Key, x => x.Value.ToArray(), StringComparer.Ordinal);
        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _byStem = byStem.ToFrozenDictionary(x => x.Key, x => x.Value.ToArray(), StringComparer.Ordinal);
        _byStemSpan = _byStem.GetAlternateLookup<ReadOnlySpan<char>>();
        _makers = makers.ToFrozenDictionary(ReferenceEqualityComparer.Instance);
        _keyOf = _byKey.Concat(_byStem).ToFrozenDictionary<KeyValuePair<string, BattlefieldComponent[]>, BattlefieldComponent[], string>(
            x => x.Value, x => x.Key, ReferenceEqualityComparer.Instance);
        _groups = _byKey.Values.Concat(_byStem.Values).Distinct<BattlefieldComponent[]>(ReferenceEqualityComparer.Instance)
            .ToFrozenDictionary<BattlefieldComponent[], BattlefieldComponent[], ComponentGroup>(g => g, g => new ComponentGroup(g), ReferenceEqualityComparer.Instance);
    }

    /// <summary>Returns what a finding reports about matched components: worked out once for the index's own sets.</summary>
    public ComponentGroup Group(BattlefieldComponent[] components) =>
        _groups.TryGetValue(components, out var group) ? group : new ComponentGroup(components);

    /// <summary>Gets every key the index holds (for coverage checks).</summary>
    public IEnumerable<string> Keys => _byKey.Keys;

    /// <summary>Finds the best match for an ordered part number, or null.</summary>
    public ComponentMatch? Find(string partNumber, string? manufacturer) =>
        Find(partNumber, string.IsNullOrWhiteSpace(manufacturer) ? [] : TradeText.Tokens(manufacturer));

    /// <summary>Finds the best match for an ordered part number, given the manufacturer's normalised tokens (none when not given).</summary>
    public ComponentMatch? Find(string partNumber, string[] manufacturer)
    {
        Span<char> buffer = stackalloc char[PartNumber.MaxLength];
        var key = buffer[..PartNumber.Key(partNumber, buffer, out var boundaries)];
        if (key.Length < 3)
        {
            return null;
        }

        string[]? makerGroups = null;
        if (_byKeySpan.TryGetValue(key, out var exact))
        {
            return Build(ComponentMatchKind.Exact, _keyOf[exact], exact, manufacturer, ref makerGroups);
        }

        // Longest listed prefix first, leaving at most MaxSuffix characters of packaging/ordering code, or up to
        // MaxSuffixAfterSeparator when the written part number separates it (XC7A35T-1CSG324C, IRF4905S/TR).
        for (var len = key.Length - 1; len >= Math.Max(MinPrefixKey, key.Length - MaxSuffixAfterSeparator); len--)
        {
            var separated = len < 64 && (boundaries & (1UL << len)) != 0;
            if (key.Length - len > MaxSuffix && !separated)
            {
                continue;
            }

            if (_byKeySpan.TryGetValue(key[..len], out var prefixed))
            {
                return Build(ComponentMatchKind.Suffix, prefixed[0].PartNumberNormalized, prefixed, manufacturer, ref makerGroups);
            }
        }

        if (StemLength(key) is var stem and > 0 && _byStemSpan.TryGetValue(key[..stem], out var family))
        {
            return Build(ComponentMatchKind.Family, _keyOf[family], family, manufacturer, ref makerGroups);
        }

        return null;
    }

    private ComponentMatch Build(ComponentMatchKind kind, string listedKey, BattlefieldComponent[] found, string[] manufacturer, ref string[]? makerGroups)
    {
        if (manufacturer.Length == 0)
        {
            return new ComponentMatch(kind, listedKey, found, null);
        }

        makerGroups ??= _makerGroups.GetValue(manufacturer, _groupsOf);
        var agreeing = 0;
        foreach (var c in found)
        {
            agreeing += ManufacturerAliases.Agree(makerGroups, _makers[c]) ? 1 : 0;
        }

        if (agreeing == 0)
        {
            return new ComponentMatch(kind, listedKey, found, false);
        }

        // All agreeing is the common case: keep the index's own array, whose group is worked out already.
        if (agreeing == found.Length)
        {
            return new ComponentMatch(kind, listedKey, found, true);
        }

        var some = new BattlefieldComponent[agreeing];
        agreeing = 0;
        foreach (var c in found)
        {
            if (ManufacturerAliases.Agree(makerGroups, _makers[c]))
            {
                some[agreeing++] = c;
            }
        }

        return new ComponentMatch(kind, listedKey, some, true);
    }

    /// <summary>Returns the base part family of a key: up to the end of its last run of three or more digits.</summary>
    internal static string? Stem(string key) => StemLength(key) is var n and > 0 ? key[..n] : null;

    // The length of the base part family of a key, or 0 when it has none.
    private static int StemLength(ReadOnlySpan<char> key)
    {
        var end = -1;
        var run = 0;
        var sawLetter = false;
        for (var i = 0; i < key.Length; i++)
        {
            if (char.IsAsciiDigit(key[i]))
            {
                run++;
                if (run >= 3)
                {
                    end = i;
                }
            }
            else
            {
                sawLetter = true;
                run = 0;
            }
        }

        // Extend to the end of the digit run that reached three digits.
        while (end >= 0 && end + 1 < key.Length && char.IsAsciiDigit(key[end + 1]))
        {
            end++;
        }

        return end + 1 >= MinStem && sawLetter ? end + 1 : 0;
    }

    private static void Add(Dictionary<string, List<BattlefieldComponent>> map, string key, BattlefieldComponent c)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(c);
    }
}
