using System.Text.Json;
using Chokepoint.Core;
using Chokepoint.Lists;

namespace Chokepoint.Benchmarks.Matching;

/// <summary>The staged lists and query sets, located beside the repository (../shared) and loaded once per process.</summary>
internal static class MatchingData
{
    private static readonly Lazy<IReadOnlyList<ListEntry>> AllLists = new(() => Load(Path.Combine(Shared, "lists")));

    /// <summary>Gets the shared data folder: the <c>shared</c> folder beside the directory holding <c>Chokepoint.slnx</c>.</summary>
    public static string Shared
    {
        get
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Chokepoint.slnx")))
                    {
                        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                    }
                }
            }

            throw new InvalidOperationException("Chokepoint.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Gets the newest version of every list in ../shared/lists.</summary>
    public static IReadOnlyList<ListEntry> Lists => AllLists.Value;

    /// <summary>Reads the dev query set (../shared/eval/dev/queries.jsonl).</summary>
    public static IReadOnlyList<PartyQuery> DevQueries()
    {
        var queries = new List<PartyQuery>();
        foreach (var line in File.ReadLines(Path.Combine(Shared, "eval", "dev", "queries.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            queries.Add(new PartyQuery
            {
                Id = e.GetProperty("id").GetString(),
                Name = e.GetProperty("name").GetString()!,
                Schema = e.TryGetProperty("type", out var t) && Enum.TryParse<EntitySchema>(t.GetString(), true, out var s) ? s : EntitySchema.Unknown,
                BirthDate = e.TryGetProperty("birthDate", out var b) && BirthDate.TryParse(b.GetString(), out var d) ? d : null,
            });
        }

        return queries;
    }

    private static IReadOnlyList<ListEntry> Load(string directory)
    {
        var result = ListsDirectory.Load(directory);
        return [.. result.Snapshots.SelectMany(s => s.Entries)];
    }
}
