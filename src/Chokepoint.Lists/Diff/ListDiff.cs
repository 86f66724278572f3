using System.Globalization;
using Chokepoint.Core;

namespace Chokepoint.Lists.Diff;

/// <summary>Compares two versions of one source list entity by entity.</summary>
/// <remarks>
/// Entities are matched by <see cref="EntityId"/>. Provenance (file, publication date) is not compared, since it differs
/// between any two versions. Stateless and thread-safe.
/// </remarks>
public static class ListDiff
{
    private static readonly (string Field, bool Single, Func<ListEntry, IEnumerable<string>> Values)[] Fields =
    [
        ("name", true, static e => [e.Name]),
        ("schema", true, static e => [e.Schema.ToString()]),
        ("aliases", false, static e => e.Aliases.Select(FormatAlias)),
        ("birthDates", false, static e => e.BirthDates.Select(static d => d.ToString())),
        ("birthPlaces", false, static e => e.BirthPlaces),
        ("nationalities", false, static e => e.Nationalities),
        ("citizenships", false, static e => e.Citizenships),
        ("countries", false, static e => e.Countries),
        ("addresses", false, static e => e.Addresses.Select(FormatAddress)),
        ("identifiers", false, static e => e.Identifiers.Select(FormatIdentifier)),
        ("programs", false, static e => e.Programs),
        ("listedOn", true, static e => Optional(e.ListedOn)),
        ("lastUpdated", true, static e => Optional(e.LastUpdated)),
        ("gender", true, static e => e.Gender is null ? [] : [e.Gender]),
        ("titles", false, static e => e.Titles),
        ("linkedTo", false, static e => e.LinkedTo),
        ("remarks", true, static e => e.Remarks is null ? [] : [e.Remarks]),
        ("details", false, static e => e.Details.Select(static p => $"{p.Key}: {p.Value}")),
    ];

    /// <summary>Returns the entities added, removed and changed from one version to another.</summary>
    /// <param name="from">The older version.</param>
    /// <param name="to">The newer version.</param>
    /// <exception cref="ArgumentException">The snapshots are of different sources.</exception>
    /// <remarks>Where a version repeats an id, its first entry is used.</remarks>
    public static ListDiffResult Compare(ListSnapshot from, ListSnapshot to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!string.Equals(from.Source, to.Source, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Cannot compare '{from.Source}' with '{to.Source}': they are different sources.", nameof(to));
        }

        var before = Index(from);
        var after = Index(to);
        var added = new List<ListEntry>();
        var removed = new List<ListEntry>();
        var changed = new List<EntityChange>();
        var unchanged = 0;
        foreach (var (id, newer) in after)
        {
            if (!before.TryGetValue(id, out var older))
            {
                added.Add(newer);
                continue;
            }

            var fields = CompareEntries(older, newer);
            if (fields.Count == 0)
            {
                unchanged++;
            }
            else
            {
                changed.Add(new EntityChange(id, newer.Name, fields));
            }
        }

        foreach (var (id, older) in before)
        {
            if (!after.ContainsKey(id))
            {
                removed.Add(older);
            }
        }

        added.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        removed.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        changed.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return new ListDiffResult(to.Source, from.PublicationDate, to.PublicationDate, added, removed, changed) { Unchanged = unchanged };
    }

    /// <summary>Returns the fields that differ between two versions of one entity, in a fixed order.</summary>
    public static IReadOnlyList<FieldChange> CompareEntries(ListEntry before, ListEntry after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        List<FieldChange>? changes = null;
        foreach (var (field, single, values) in Fields)
        {
            var old = values(before).ToList();
            var @new = values(after).ToList();
            if (single)
            {
                if (!old.SequenceEqual(@new, StringComparer.Ordinal))
                {
                    (changes ??= []).Add(new FieldChange(field, old, @new));
                }

                continue;
            }

            var dropped = MultisetExcept(old, @new);
            var gained = MultisetExcept(@new, old);
            if (dropped.Count > 0 || gained.Count > 0)
            {
                (changes ??= []).Add(new FieldChange(field, dropped, gained));
            }
        }

        return changes ?? (IReadOnlyList<FieldChange>)[];
    }

    private static Dictionary<EntityId, ListEntry> Index(ListSnapshot snapshot)
    {
        var map = new Dictionary<EntityId, ListEntry>(snapshot.Entries.Count);
        foreach (var e in snapshot.Entries)
        {
            map.TryAdd(e.Id, e);
        }

        return map;
    }

    private static List<string> MultisetExcept(List<string> values, List<string> minus)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in minus)
        {
            counts[v] = counts.GetValueOrDefault(v) + 1;
        }

        var rest = new List<string>();
        foreach (var v in values)
        {
            if (counts.TryGetValue(v, out var n) && n > 0)
            {
                counts[v] = n - 1;
            }
            else
            {
                rest.Add(v);
            }
        }

        return rest;
    }

    private static string[] Optional(DateOnly? date) =>
        date is { } d ? [d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] : [];

    private static string FormatAlias(Alias a)
    {
        var extra = a.Quality == AliasQuality.Unknown ? a.Kind.ToString() : $"{a.Kind}, {a.Quality}";
        return a.Script is null ? $"{a.Name} ({extra})" : $"{a.Name} ({extra}, {a.Script})";
    }

    // Full holds the whole address as the list gives it (or joined from its parts), so it carries every change.
    private static string FormatAddress(Address a) => a.Full;

    private static string FormatIdentifier(Identifier i)
    {
        var text = $"{i.Type}: {i.Value}";
        if (i.Country is not null)
        {
            text += $" ({i.Country})";
        }

        return i.Note is null ? text : $"{text} [{i.Note}]";
    }
}
