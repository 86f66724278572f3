using System.Collections.Concurrent;
using Chokepoint.Core;

namespace Chokepoint.Lists.Tests.Loading;

public sealed class ListsDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _dir = TestPaths.NewTempDirectory();

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Load_SeveralDates_NewestWins()
    {
        FakeListReader.Write(_dir.FullName, "fake_a", "2024-01-01", "1|Old Name|X");
        FakeListReader.Write(_dir.FullName, "fake_a", "2024-03-01", "1|New Name|X", "2|Second|Y");

        var result = ListsDirectory.Load(_dir.FullName, readers: FakeListReader.Registry, cancellationToken: TestContext.Current.CancellationToken);

        var snapshot = Assert.Single(result.Snapshots);
        Assert.Equal(new DateOnly(2024, 3, 1), snapshot.PublicationDate);
        Assert.Equal(["New Name", "Second"], snapshot.Entries.Select(e => e.Name));
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Load_AsOf_PicksNewestOnOrBeforeIt()
    {
        FakeListReader.Write(_dir.FullName, "fake_a", "2024-01-01", "1|Jan|X");
        FakeListReader.Write(_dir.FullName, "fake_a", "2024-02-01", "1|Feb|X");
        FakeListReader.Write(_dir.FullName, "fake_a", "2024-03-01", "1|Mar|X");

        var onDate = ListsDirectory.Load(_dir.FullName, new DateOnly(2024, 2, 1), readers: FakeListReader.Registry, cancellationToken: TestContext.Current.CancellationToken);
        var between = ListsDirectory.Load(_dir.FullName, new DateOnly(2024, 2, 20), readers: FakeListReader.Registry, cancellationToken: TestContext.Current.CancellationToken);
        var before = ListsDirectory.Load(_dir.FullName, new DateOnly(2023, 12, 31), readers: FakeListReader.Registry, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Feb", Assert.Single(onDate.Snapshots).Entries[0].Name);
        Assert.Equal("Feb", Assert.Single(between.Snapshots).Entries[0].Name);
        Assert.Empty(before.Snapshots);
        var warning = Assert.Single(before.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("no dated folder on or before 2023-12-31", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownSourceAndNonDateFolder_WarnsAndSkipsThem()
    {
        FakeListReader.Write(_dir.FullName, "fake_a", "2024-01-01", "1|A|X");
        FakeListReader.Write(_dir.FullName, "fake_a", "latest", "1|Wrong|X");
        FakeListReader.Write(_dir.FullName, "mystery_list", "2024-01-01", "1|M|X");

        var result = ListsDirectory.Load(_dir.FullName, readers: FakeListReader.Registry, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("A", Assert.Single(result.Snapshots).Entries[0].Name);
        Assert.False(result.HasErrors);
        Assert.Collection(
            result.Diagnostics,
            d => Assert.Equal("fake_a/latest: warning: The folder name is not a date (YYYY-MM-DD); the folder is skipped.", d.ToString()),
            d => Assert.Equal("mystery_list: warning: No reader knows the source 'mystery_list'; the folder is skipped.", d.ToString()));
    }

    [Fact]
    public void Load_OneSourceBroken_ErrorsForThatSourceOnly()
    {
        FakeListReader.Write(_dir.FullName, "fake_a", "2024-01-01", "1|A|X");
        FakeListReader.Write(_dir.FullName, "fake_b", "2024-01-01", "1|B|X", "broken line");
        FakeListReader.Write(_dir.FullName, "fake_c", "2024-01-01", "1|C|X");

        var result = ListsDirectory.Load(_dir.FullName, readers: FakeListReader.Registry, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.HasErrors);
        Assert.Equal(["fake_a", "fake_c"], result.Snapshots.Select(s => s.Source));
        Assert.Equal(["fake_a", "fake_b", "fake_c"], result.Sources.Select(s => s.Source));
        var failed = result.Sources[1];
        Assert.False(failed.Succeeded);
        Assert.Equal("fake_b/entries.txt:2: error: field 'line': expected 3 fields, found 1", Assert.Single(failed.Diagnostics).ToString());
    }

    [Fact]
    public void Load_FolderNoReaderCanRead_ErrorNamesTheFolder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, "fake_a", "2024-01-01"));
        File.WriteAllText(Path.Combine(folder.FullName, "other.csv"), "x");

        var result = ListsDirectory.Load(_dir.FullName, readers: FakeListReader.Registry, cancellationToken: TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("fake_a/2024-01-01: error: No reader for 'fake_a' recognises the files in this folder.", error.ToString());
    }

    [Fact]
    public void Load_MissingDirectory_ReportsError()
    {
        var missing = Path.Combine(_dir.FullName, "nope");

        var result = ListsDirectory.Load(missing, readers: FakeListReader.Registry, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.HasErrors);
        Assert.Equal($"{missing}: error: The lists directory does not exist.", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Load_Progress_ReportsStartAndEndOfEverySource()
    {
        FakeListReader.Write(_dir.FullName, "fake_a", "2024-01-01", "1|A|X");
        FakeListReader.Write(_dir.FullName, "fake_b", "2024-01-01", "bad");
        var reports = new ConcurrentQueue<ListLoadProgress>();

        ListsDirectory.Load(_dir.FullName, progress: new ImmediateProgress(reports.Enqueue), readers: FakeListReader.Registry, cancellationToken: TestContext.Current.CancellationToken);

        var finished = reports.Where(r => r.Stage != ListLoadStage.Started).OrderBy(r => r.Completed).ToArray();
        Assert.Equal(2, reports.Count(r => r.Stage == ListLoadStage.Started));
        Assert.Equal([1, 2], finished.Select(r => r.Completed));
        Assert.All(finished, r => Assert.Equal(2, r.Total));
        Assert.Equal(ListLoadStage.Failed, finished.Single(r => r.Source == "fake_b").Stage);
        Assert.Equal(ListLoadStage.Succeeded, finished.Single(r => r.Source == "fake_a").Stage);
    }

    [Fact]
    public void LoadVersion_GivenDate_ReadsThatFolder()
    {
        FakeListReader.Write(_dir.FullName, "fake_a", "2024-01-01", "1|Jan|X");
        FakeListReader.Write(_dir.FullName, "fake_a", "2024-02-01", "1|Feb|X");

        var jan = ListsDirectory.LoadVersion(_dir.FullName, "fake_a", new DateOnly(2024, 1, 1), FakeListReader.Registry, TestContext.Current.CancellationToken);
        var missing = ListsDirectory.LoadVersion(_dir.FullName, "fake_a", new DateOnly(2024, 5, 1), FakeListReader.Registry, TestContext.Current.CancellationToken);

        Assert.Equal("Jan", jan.Snapshot!.Entries[0].Name);
        Assert.False(missing.Succeeded);
        Assert.Contains("'fake_a/2024-05-01' does not exist", Assert.Single(missing.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1)], ListsDirectory.ListVersions(_dir.FullName, "fake_a"));
    }

    private sealed class ImmediateProgress(Action<ListLoadProgress> report) : IProgress<ListLoadProgress>
    {
        public void Report(ListLoadProgress value) => report(value);
    }
}
