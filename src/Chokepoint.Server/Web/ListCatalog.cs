using System.Collections.Concurrent;
using Chokepoint.Core;
using Chokepoint.Lists;
using Chokepoint.Lists.Diff;
using Chokepoint.Lists.Store;
using Chokepoint.Server.Hosting;
using Chokepoint.Server.Screening;
using Microsoft.Extensions.Options;

namespace Chokepoint.Server.Web;

/// <summary>The freshness of one source in force.</summary>
/// <param name="Source">The source folder name.</param>
/// <param name="PublicationDate">The publication date of the version in force.</param>
/// <param name="Entities">Entities in force.</param>
/// <param name="Names">Names in force.</param>
/// <param name="AgeDays">Days since publication.</param>
/// <param name="LastUpdate">The last import or update result, where the store records one.</param>
/// <param name="Versions">Every version available, oldest first.</param>
public sealed record SourceFreshness(string Source, DateOnly PublicationDate, int Entities, int Names, int AgeDays, ListUpdateRecord? LastUpdate, IReadOnlyList<DateOnly> Versions);

/// <summary>One entry found by a list search, with why it was found.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Score">The name score, or 1 for an id or identifier hit.</param>
/// <param name="Reason">How it was found.</param>
public sealed record ListSearchHit(ListEntry Entry, double Score, string Reason);

/// <summary>Answers the list pages: versions and freshness per source, search, and diffs between versions.</summary>
/// <remarks>Diffs are computed once per pair of versions and kept. Thread-safe; one instance per process.</remarks>
/// <param name="source">Where the service reads its lists.</param>
/// <param name="options">The server settings.</param>
/// <param name="time">The clock.</param>
public sealed class ListCatalog(IListSource source, IOptions<ChokepointServerOptions> options, TimeProvider time)
{
    private const int MaxCachedDiffs = 32;
    private readonly ConcurrentDictionary<(string Source, DateOnly From, DateOnly To), ListDiffResult> _diffs = new();

    /// <summary>Returns every version of a source, oldest first.</summary>
    public IReadOnlyList<DateOnly> Versions(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dir = options.Value.ListsDirectory;
        try
        {
            return dir is null ? Store().Versions(name) : ListsDirectory.ListVersions(dir, name);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }

    /// <summary>Returns the freshness of each source in force, by source name.</summary>
    public IReadOnlyList<SourceFreshness> Freshness(ScreeningSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return [];
        }

        ListsManifest manifest;
        try
        {
            manifest = options.Value.ListsDirectory is null ? Store().ReadManifest() : ListsManifest.Empty;
        }
        catch (InvalidDataException)
        {
            manifest = ListsManifest.Empty;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return snapshot.Lists
            .OrderBy(l => l.Source, StringComparer.Ordinal)
            .Select(l => new SourceFreshness(
                l.Source,
                l.PublicationDate,
                l.Entries.Count,
                l.NameCount,
                today.DayNumber - l.PublicationDate.DayNumber,
                manifest.Sources.TryGetValue(l.Source, out var m) ? m.LastUpdate : null,
                Versions(l.Source)))
            .ToList();
    }

    /// <summary>Compares two versions of a source, or returns null with the reason when one is missing.</summary>
    public (ListDiffResult? Diff, string? Error) Diff(ScreeningSnapshot? snapshot, string name, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_diffs.TryGetValue((name, from, to), out var cached))
        {
            return (cached, null);
        }

        var before = Load(snapshot, name, from);
        var after = Load(snapshot, name, to);
        if (before is null || after is null)
        {
            var missing = before is null ? from : to;
            return (null, $"Version {ListsDirectory.FormatDate(missing)} of '{name}' is not available.");
        }

        var diff = ListDiff.Compare(before, after);
        if (_diffs.Count >= MaxCachedDiffs)
        {
            _diffs.Clear();
        }

        _diffs[(name, from, to)] = diff;
        return (diff, null);
    }

    /// <summary>Returns the diff between the version in force and the one before it, for each source that has one.</summary>
    public IReadOnlyList<ListDiffResult> LatestChanges(ScreeningSnapshot? snapshot)
    {
        var changes = new List<ListDiffResult>();
        foreach (var f in Freshness(snapshot))
        {
            var before = f.Versions.Where(v => v < f.PublicationDate).DefaultIfEmpty().Max();
            if (before != default && Diff(snapshot, f.Source, before, f.PublicationDate).Diff is { } diff)
            {
                changes.Add(diff);
            }
        }

        return changes;
    }

    /// <summary>Finds entries by entity id, identifier value or name (fuzzy, any script).</summary>
    public static IReadOnlyList<ListSearchHit> Search(ScreeningSnapshot snapshot, string text, int top = 25)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        var hits = new List<ListSearchHit>();
        if (text.Length == 0)
        {
            return hits;
        }

        if (EntityId.TryParse(text, out var id) && snapshot.Entries.TryGetValue(id, out var byId))
        {
            hits.Add(new ListSearchHit(byId, 1, "entity id"));
        }

        foreach (var entry in snapshot.Entries.Values)
        {
            foreach (var identifier in entry.Identifiers)
            {
                if (string.Equals(identifier.Value, text, StringComparison.OrdinalIgnoreCase))
                {
                    hits.Add(new ListSearchHit(entry, 1, "identifier " + identifier.Type));
                    break;
                }
            }
        }

        var result = snapshot.Screener.Screen(new PartyQuery { Name = text }, new ScreeningOptions { Top = top, MinScore = 0.5 });
        foreach (var m in result.Matches)
        {
            if (snapshot.Entries.TryGetValue(m.EntityId, out var entry) && !hits.Exists(h => h.Entry.Id == entry.Id))
            {
                hits.Add(new ListSearchHit(entry, m.Score, "name " + m.Name));
            }
        }

        return hits.Count > top ? hits[..top] : hits;
    }

    private ListSnapshot? Load(ScreeningSnapshot? snapshot, string name, DateOnly date)
    {
        var inForce = snapshot?.Lists.FirstOrDefault(l => l.Source == name && l.PublicationDate == date);
        return inForce ?? source.LoadVersion(name, date);
    }

    private static SnapshotStore Store() => new(DataDirectory.Resolve());
}
