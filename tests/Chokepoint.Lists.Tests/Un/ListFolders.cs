using Chokepoint.Core;

namespace Chokepoint.Lists.Tests;

/// <summary>Locates staged lists and shipped fixtures, and reads them with a reader.</summary>
internal static class ListFolders
{
    /// <summary>Gets a staged official list folder under ../shared/lists.</summary>
    public static DirectoryInfo Staged(string source, string date) => new(Path.Combine(TestPaths.Lists, source, date));

    /// <summary>Gets a fixture folder shipped beside the tests.</summary>
    public static DirectoryInfo Fixture(string format, string name) =>
        new(TestPaths.InRepo("tests", "Chokepoint.Lists.Tests", "Fixtures", format, name));

    /// <summary>Reads a folder and asserts success.</summary>
    public static ListSnapshot ReadOk(IListReader reader, string source, DirectoryInfo folder)
    {
        var result = Read(reader, source, folder);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Snapshot!;
    }

    /// <summary>Reads a folder; the folder date stands in where its name is not a date.</summary>
    public static ListReadResult Read(IListReader reader, string source, DirectoryInfo folder)
    {
        var date = DateOnly.TryParse(folder.Name, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : new DateOnly(2020, 1, 1);
        return reader.Read(source, folder, date, TestContext.Current.CancellationToken);
    }

    /// <summary>Reads a folder, asserts failure and returns the single error.</summary>
    public static ListDiagnostic SingleError(IListReader reader, string source, DirectoryInfo folder)
    {
        var result = Read(reader, source, folder);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>Gets the entry with the given key.</summary>
    public static ListEntry Entry(ListSnapshot snapshot, string key) => Assert.Single(snapshot.Entries, e => e.Id.Key == key);
}
