using Chokepoint.Core;
using Chokepoint.Lists;

namespace Chokepoint.Cli.Tests.Lists;

/// <summary>A test reader for the source <c>names_test</c>: <c>names.txt</c>, one organisation name per line, keyed by line number; an empty line is an error.</summary>
public sealed class NameListReader : IListReader
{
    public const string Source = "names_test";

    public static ListReaderRegistry Registry { get; } = new([new NameListReader()]);

    public IReadOnlyList<string> Sources { get; } = [Source];

    public bool CanRead(string source, DirectoryInfo folder) => File.Exists(Path.Combine(folder.FullName, "names.txt"));

    public ListReadResult Read(string source, DirectoryInfo folder, DateOnly publicationDate, CancellationToken cancellationToken = default)
    {
        var lines = File.ReadAllLines(Path.Combine(folder.FullName, "names.txt"));
        var empty = Array.IndexOf(lines, string.Empty);
        if (empty >= 0)
        {
            return ListReadResult.Failure([new ListDiagnostic(DiagnosticSeverity.Error, "names.txt", empty + 1, "name", "empty name")]);
        }

        var entries = lines.Select((name, i) => new ListEntry
        {
            Id = new EntityId(source, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Schema = EntitySchema.Organization,
            Name = name,
            Aliases = [new Alias(name.ToUpperInvariant(), AliasKind.Aka)],
            Provenance = new Provenance(source, "names.txt", publicationDate),
        }).ToArray();
        return ListReadResult.Success(new ListSnapshot { Source = source, PublicationDate = publicationDate, Entries = entries }, []);
    }

    /// <summary>Writes <c>dir/names_test/date/names.txt</c>.</summary>
    public static void Write(string dir, string date, params string[] names)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dir, Source, date));
        File.WriteAllLines(Path.Combine(folder.FullName, "names.txt"), names);
    }
}
