using Chokepoint.Core;
using Chokepoint.Lists;

namespace Chokepoint.Accuracy;

/// <summary>Loads the lists once for every matcher.</summary>
internal static class Corpus
{
    public static IReadOnlyList<ListEntry> Load(string directory)
    {
        var result = ListsDirectory.Load(directory);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var d in errors.Take(10))
        {
            Console.Error.WriteLine(d);
        }

        var entries = result.Snapshots.SelectMany(s => s.Entries).ToList();
        var names = result.Snapshots.Sum(s => s.NameCount);
        Console.WriteLine($"lists: {string.Join(", ", result.Snapshots.Select(s => $"{s.Source} {s.PublicationDate:yyyy-MM-dd} ({s.Entries.Count})"))}");
        Console.WriteLine($"       {entries.Count} entries, {names} names, {result.Diagnostics.Count} diagnostics ({errors.Count} errors)");
        if (entries.Count == 0)
        {
            throw new InvalidDataException($"{directory}: no list entries could be read.");
        }

        return entries;
    }
}
