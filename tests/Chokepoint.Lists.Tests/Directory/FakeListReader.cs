using Chokepoint.Core;

namespace Chokepoint.Lists.Tests.Loading;

/// <summary>
/// A tiny reader for tests: <c>entries.txt</c> holds one entity per line as <c>key|name|program,program</c>;
/// a line without three fields is an error at that line.
/// </summary>
public sealed class FakeListReader : IListReader
{
    public const string FileName = "entries.txt";

    public IReadOnlyList<string> Sources { get; } = ["fake_a", "fake_b", "fake_c"];

    public bool CanRead(string source, DirectoryInfo folder) => File.Exists(Path.Combine(folder.FullName, FileName));

    public ListReadResult Read(string source, DirectoryInfo folder, DateOnly publicationDate, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(folder.FullName, FileName);
        var entries = new List<ListEntry>();
        var diagnostics = new List<ListDiagnostic>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('|');
            if (parts.Length != 3)
            {
                diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, $"{source}/{FileName}", lineNo, "line", $"expected 3 fields, found {parts.Length}"));
                continue;
            }

            entries.Add(new ListEntry
            {
                Id = new EntityId(source, parts[0]),
                Schema = EntitySchema.Organization,
                Name = parts[1],
                Programs = parts[2].Length == 0 ? [] : parts[2].Split(','),
                Provenance = new Provenance(source, FileName, publicationDate),
            });
        }

        if (diagnostics.Count > 0)
        {
            return ListReadResult.Failure(diagnostics);
        }

        var file = new FileInfo(path);
        var snapshot = new ListSnapshot
        {
            Source = source,
            PublicationDate = publicationDate,
            Entries = entries,
            Files = [new SourceFile(FileName, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), file.Length)],
        };
        return ListReadResult.Success(snapshot, []);
    }

    public static ListReaderRegistry Registry { get; } = new([new FakeListReader()]);

    /// <summary>Writes <c>dir/source/date/entries.txt</c>.</summary>
    public static void Write(string dir, string source, string date, params string[] lines)
    {
        var folder = Path.Combine(dir, source, date);
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, FileName), lines);
    }
}
