using System.Collections.Concurrent;
using System.Collections.Frozen;
using Chokepoint.Cases;
using Chokepoint.Core;

namespace Chokepoint.Server.Screening;

/// <summary>One loaded set of lists with the engine built over them; immutable once built.</summary>
public sealed class ScreeningSnapshot
{
    private readonly ConcurrentDictionary<EntityId, string> _fingerprints = new();

    /// <summary>Creates a snapshot.</summary>
    public ScreeningSnapshot(IReadOnlyList<ListSnapshot> lists, IPartyScreener screener, DateTimeOffset loadedAt, string origin)
    {
        ArgumentNullException.ThrowIfNull(lists);
        Lists = lists;
        Screener = screener;
        LoadedAt = loadedAt;
        Origin = origin;
        var entries = new Dictionary<EntityId, ListEntry>();
        foreach (var list in lists)
        {
            foreach (var e in list.Entries)
            {
                entries.TryAdd(e.Id, e);
            }
        }

        Entries = entries.ToFrozenDictionary();
    }

    /// <summary>Gets the lists in force.</summary>
    public IReadOnlyList<ListSnapshot> Lists { get; }

    /// <summary>Gets the engine over every entry.</summary>
    public IPartyScreener Screener { get; }

    /// <summary>Gets every entry by id.</summary>
    public FrozenDictionary<EntityId, ListEntry> Entries { get; }

    /// <summary>Gets when the lists were loaded.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Gets where they came from (directory or snapshot store).</summary>
    public string Origin { get; }

    /// <summary>Gets the newest publication date, or null when no list is loaded.</summary>
    public DateOnly? NewestPublication => Lists.Count == 0 ? null : Lists.Max(l => l.PublicationDate);

    /// <summary>Returns the fingerprint of a listed entry (computed once), or empty when the entry is unknown.</summary>
    public string Fingerprint(EntityId id) =>
        Entries.TryGetValue(id, out var entry) ? _fingerprints.GetOrAdd(id, static (_, e) => ListEntryFingerprint.Compute(e), entry) : "";
}

/// <summary>Holds the lists and engine in force; a refresh swaps them atomically while requests keep being served.</summary>
/// <remarks>Readers take <see cref="Current"/> once per request and use that snapshot throughout. Thread-safe.</remarks>
public sealed class ScreeningState
{
    private ScreeningSnapshot? _current;

    /// <summary>Gets the snapshot in force, or null before the first load.</summary>
    public ScreeningSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>Gets the message of the last load (why no lists are in force, or what was loaded).</summary>
    public string Status { get; private set; } = "Lists are loading.";

    /// <summary>Swaps in a new snapshot and returns the previous one.</summary>
    public ScreeningSnapshot? Swap(ScreeningSnapshot next, string status)
    {
        Status = status;
        return Interlocked.Exchange(ref _current, next);
    }

    /// <summary>Records why a load failed; the snapshot in force keeps serving.</summary>
    public void Fail(string status) => Status = status;
}
