using System.Collections.Frozen;
using Chokepoint.Core;

namespace Chokepoint.Text;

/// <summary>
/// Screens parties against listed entities: finds a listed party under any spelling, script or disguise and returns
/// calibrated scores with explanations.
/// </summary>
/// <remarks>
/// <see cref="Build"/> normalises every listed name and builds the candidate index once; the engine is immutable
/// afterwards. <see cref="Screen"/> allocates nothing per compared name and is safe to call from many threads.
/// </remarks>
public sealed partial class ScreeningEngine : IPartyScreener
{
    private readonly ListEntry[] _entries;
    private readonly NameForm[] _names;
    private readonly int[] _nameEntity;

    // Names listed word for word alike by several sources (an SDN entry and its Consolidated Screening List copy) share
    // one form: a query scores each form once.
    private readonly int[] _nameForm;
    private readonly int _formCount;
    private readonly float[] _nameWeight;
    private readonly int[] _record;
    private readonly TokenStatistics _statistics;
    private readonly CandidateIndex _index;
    private readonly FrozenDictionary<EntityId, int> _byId;
    private readonly FrozenDictionary<string, int[]> _identifiers;
    private readonly MatcherOptions _options;

    [ThreadStatic]
    private static Scratch? t_scratch;

    private ScreeningEngine(ListEntry[] entries, NameForm[] names, int[] nameEntity, int[] nameForm, TokenStatistics statistics, CandidateIndex index,
        FrozenDictionary<EntityId, int> byId, FrozenDictionary<string, int[]> identifiers, MatcherOptions options)
    {
        _nameForm = nameForm;
        _formCount = nameForm.Length == 0 ? 0 : nameForm.Max() + 1;
        _entries = entries;
        _names = names;
        _nameEntity = nameEntity;
        _record = RecordsOf(entries);
        _nameWeight = new float[names.Length];
        for (var n = 0; n < names.Length; n++)
        {
            _nameWeight[n] = TotalWeight(names[n].Tokens);
        }

        _statistics = statistics;
        _index = index;
        _byId = byId;
        _identifiers = identifiers;
        _options = options;
    }

    /// <summary>Gets the number of listed entities.</summary>
    public int EntityCount => _entries.Length;

    /// <summary>Gets the number of listed names (primary names and aliases, repeats removed).</summary>
    public int NameCount => _names.Length;

    /// <summary>Gets the alert threshold applied when a call gives none.</summary>
    public double DefaultThreshold => _options.Threshold;

    /// <inheritdoc/>
    double? IPartyScreener.DefaultThreshold => _options.Threshold;

    /// <summary>Gets the number of postings in the candidate index (for memory reports).</summary>
    public int IndexPostingCount => _index.PostingCount;

    /// <summary>Builds an engine over the given entries.</summary>
    /// <param name="entries">The listed entities; an entity id that repeats keeps its first entry.</param>
    /// <param name="options">Build settings, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    public static ScreeningEngine Build(IEnumerable<ListEntry> entries, MatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        options ??= new MatcherOptions();
        var list = new List<ListEntry>();
        var byId = new Dictionary<EntityId, int>();
        var forms = new List<NameForm>();
        var nameEntity = new List<int>();
        var nameForm = new List<int>();
        var formOf = new Dictionary<(string, EntitySchema), int>();
        var identifiers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e is null || !byId.TryAdd(e.Id, list.Count))
            {
                continue;
            }

            var entity = list.Count;
            list.Add(e);
            seenNames.Clear();
            foreach (var name in e.AllNames())
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    continue;
                }

                var form = NameForm.Create(name, e.Schema, UniformRarity.Instance);
                if (form.Tokens.Length == 0 || !seenNames.Add(Signature(form)))
                {
                    continue;
                }

                forms.Add(form);
                nameEntity.Add(entity);

                // The form depends on the name and the kind of entry only (token weights are the lists' own).
                if (!formOf.TryGetValue((name, e.Schema), out var shared))
                {
                    shared = formOf.Count;
                    formOf[(name, e.Schema)] = shared;
                }

                nameForm.Add(shared);
            }

            foreach (var id in e.Identifiers)
            {
                var key = EvidenceScorer.NormalizeIdentifier(id.Value);
                if (IsDecisiveIdentifier(id.Type, key))
                {
                    if (!identifiers.TryGetValue(key, out var owners))
                    {
                        owners = [];
                        identifiers[key] = owners;
                    }

                    if (owners.Count == 0 || owners[^1] != entity)
                    {
                        owners.Add(entity);
                    }
                }
            }
        }

        var statistics = TokenStatistics.Build(forms);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new NameForm[forms.Count];
        var tokenIds = new Dictionary<NameToken, int>();
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = forms[i].WithWeights(statistics).Interned(pool).WithSimilarityIds(tokenIds);
        }

        var index = CandidateIndex.Build(names);
        var ids = new Dictionary<string, int[]>(identifiers.Count, StringComparer.Ordinal);
        foreach (var (k, v) in identifiers)
        {
            ids[k] = [.. v];
        }

        return new ScreeningEngine([.. list], names, [.. nameEntity], [.. nameForm], statistics, index, byId.ToFrozenDictionary(),
            ids.ToFrozenDictionary(StringComparer.Ordinal), options);
    }

    // A source that repeats a record's key gets it read as KEY#2, KEY#3 (KeyRegistry); they are one record to show.
    private static int[] RecordsOf(ListEntry[] entries)
    {
        var first = new Dictionary<(string, string), int>();
        var record = new int[entries.Length];
        for (var e = 0; e < entries.Length; e++)
        {
            var id = entries[e].Id;
            var hash = id.Key.LastIndexOf('#');
            var key = hash > 0 && int.TryParse(id.Key.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? id.Key[..hash]
                : id.Key;
            record[e] = first.TryAdd((id.Source, key), e) ? e : first[(id.Source, key)];
        }

        return record;
    }

    private static string Signature(NameForm form)
    {
        var parts = new string[form.Tokens.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = form.Tokens[i].Text;
        }

        return string.Join(' ', parts);
    }

    // Short or generic values (a phone prefix, "N/A") would alert on unrelated parties.
    private static bool IsDecisiveIdentifier(IdentifierType type, string normalized) =>
        normalized.Length >= 6 && type is not (IdentifierType.Website or IdentifierType.Email or IdentifierType.Phone or IdentifierType.Other);

    /// <summary>Returns the entry with the given id, or null.</summary>
    public ListEntry? GetEntry(EntityId id) => _byId.TryGetValue(id, out var i) ? _entries[i] : null;

    // What the candidate index has found for one listed name in the current query. The query's stamp and the token
    // that last hit the name share one word (EvidenceMark), so the array holding every name stays small in the cache.
    private struct NameEvidence
    {
        public uint Mark;
        public float Sum;
    }

    private readonly record struct RankedName(float Priority, int Name);

    // Side by side, so scoring a candidate reads one cache line of its form and one of its entity.
    private readonly record struct FormScore(int Query, float Score);

    private readonly record struct EntityBest(int Query, float Score, int Name);

    private sealed class Scratch
    {
        public Scratch(ScreeningEngine owner, int names, int entities, int forms, int deletedKeys)
        {
            KeyMark = new uint[deletedKeys];
            Forms = new FormScore[forms];
            Owner = owner;
            Memo = new SimilarityMemo();
            Evidence = new NameEvidence[names];
            Ranked = new RankedName[names];
            Touched = new int[names];
            Entities = new EntityBest[entities];
            EntityList = new int[entities];
        }

        public ScreeningEngine Owner { get; }

        public SimilarityMemo Memo { get; }

        public List<(int Entity, string Value)> IdentifierOwners { get; } = [];

        public NameEvidence[] Evidence { get; }

        /// <summary>The query and word that last met each key of the deletion neighbourhood (<see cref="CandidateIndex.NamesOfKey"/>).</summary>
        public uint[] KeyMark { get; }

        public RankedName[] Ranked { get; }

        public int[] Touched { get; }

        /// <summary>Each entity's best name score in the query that last met it, and that name.</summary>
        public EntityBest[] Entities { get; }

        public int[] EntityList { get; }

        /// <summary>The query that last scored each shared form (<see cref="_nameForm"/>), and its score.</summary>
        public FormScore[] Forms { get; }

        public int Stamp { get; set; }

        /// <summary>The most evidence any name has gathered in the current query.</summary>
        public float BestSum { get; set; }

        /// <summary>Starts the stamps again: marks of names (<see cref="EvidenceMark"/>) hold only the stamp's low bits.</summary>
        public void Restart()
        {
            Array.Clear(Evidence);
            Array.Clear(KeyMark);
            Array.Clear(Forms);
            Array.Clear(Entities);
            Stamp = 0;
        }
    }
}
