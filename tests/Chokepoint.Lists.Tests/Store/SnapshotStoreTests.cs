using Chokepoint.Core;
using Chokepoint.Lists.Store;
using Chokepoint.Lists.Tests.Loading;

namespace Chokepoint.Lists.Tests.Store;

public sealed class SnapshotStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _home = TestPaths.NewTempDirectory();
    private readonly DirectoryInfo _lists = TestPaths.NewTempDirectory();

    public void Dispose()
    {
        _home.Delete(recursive: true);
        _lists.Delete(recursive: true);
    }

    private SnapshotStore CreateSut() => new(_home.FullName, new FixedTimeProvider(Now));

    [Fact]
    public void SaveThenLoad_FullEntry_EveryFieldRoundTrips()
    {
        var sut = CreateSut();
        var entry = new ListEntry
        {
            Id = new EntityId("fake_a", "36"),
            Schema = EntitySchema.Person,
            Name = "Ivan PETROV",
            Aliases = [new Alias("Иван Петров", AliasKind.Aka, AliasQuality.Strong, "Cyrl", "ru"), new Alias("Vanya", AliasKind.Aka, AliasQuality.Weak)],
            BirthDates = [BirthDate.FromParts(1964, 5, 13), BirthDate.FromYearRange(1960, 1965), BirthDate.FromParts(1970)],
            BirthPlaces = ["Kazan, Tatarstan"],
            Nationalities = ["RU"],
            Citizenships = ["RU", "BY"],
            Countries = ["AE"],
            Addresses = [new Address("1 Alabuga St", "Yelabuga", "Tatarstan", "423600", "RU", "1 Alabuga St, Yelabuga, Tatarstan, 423600, Russia")],
            Identifiers = [new Identifier(IdentifierType.Passport, "7512345", "RU", "Passport No."), new Identifier(IdentifierType.CryptoAddress, "bc1qxyz", Note: "XBT")],
            Programs = ["RUSSIA-EO14024", "IRAN-CON-ARMS-EO"],
            ListedOn = new DateOnly(2022, 3, 11),
            LastUpdated = new DateOnly(2023, 1, 2),
            Gender = "Male",
            Titles = ["General Director"],
            LinkedTo = ["fake_a:40"],
            Remarks = "DOB 13 May 1964; alt. DOB circa 1960-1965.",
            Details = new Dictionary<string, string> { ["Vessel Type"] = "Cargo", ["Tonnage"] = "1,000" },
            Provenance = new Provenance("fake_a", "entries.txt", new DateOnly(2024, 3, 1), "Entity List", "https://example.org/36"),
        };
        var snapshot = new ListSnapshot
        {
            Source = "fake_a",
            PublicationDate = new DateOnly(2024, 3, 1),
            Files = [new SourceFile("entries.txt", "ab12", 123)],
            Entries = [entry, entry with { Id = new EntityId("fake_a", "37"), Name = "Minimal", Aliases = [], Details = new Dictionary<string, string>() }],
            Warnings = [new ListDiagnostic(DiagnosticSeverity.Warning, "entries.txt", 7, "dob", "odd date")],
        };

        var path = sut.Save(snapshot);
        var loaded = sut.Load("fake_a", new DateOnly(2024, 3, 1));

        Assert.Equal(Path.Combine(_home.FullName, "lists", "fake_a", "2024-03-01.snapshot"), path);
        Assert.Equal(snapshot.Source, loaded.Source);
        Assert.Equal(snapshot.PublicationDate, loaded.PublicationDate);
        Assert.Equal(snapshot.Files, loaded.Files);
        Assert.Equal(snapshot.Warnings, loaded.Warnings);
        Assert.Equal(2, loaded.Entries.Count);
        var got = loaded.Entries[0];
        Assert.Equal(entry.Id, got.Id);
        Assert.Equal(entry.Schema, got.Schema);
        Assert.Equal(entry.Name, got.Name);
        Assert.Equal(entry.Aliases, got.Aliases);
        Assert.Equal(entry.BirthDates, got.BirthDates);
        Assert.True(got.BirthDates[1].IsRange);
        Assert.Equal(entry.BirthPlaces, got.BirthPlaces);
        Assert.Equal(entry.Nationalities, got.Nationalities);
        Assert.Equal(entry.Citizenships, got.Citizenships);
        Assert.Equal(entry.Countries, got.Countries);
        Assert.Equal(entry.Addresses, got.Addresses);
        Assert.Equal(entry.Identifiers, got.Identifiers);
        Assert.Equal(entry.Programs, got.Programs);
        Assert.Equal(entry.ListedOn, got.ListedOn);
        Assert.Equal(entry.LastUpdated, got.LastUpdated);
        Assert.Equal(entry.Gender, got.Gender);
        Assert.Equal(entry.Titles, got.Titles);
        Assert.Equal(entry.LinkedTo, got.LinkedTo);
        Assert.Equal(entry.Remarks, got.Remarks);
        Assert.Equal(entry.Details.OrderBy(p => p.Key), got.Details.OrderBy(p => p.Key));
        Assert.Equal(entry.Provenance, got.Provenance);
        var minimal = loaded.Entries[1];
        Assert.Empty(minimal.Aliases);
        Assert.Empty(minimal.Details);
        Assert.Equal("Minimal", minimal.Name);
    }

    [Fact]
    public void Import_CleanDirectory_SwapsInAndWritesManifest()
    {
        FakeListReader.Write(_lists.FullName, "fake_a", "2024-01-01", "1|A|X", "2|B|");
        var sut = CreateSut();

        var result = sut.Import(Load(), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var entry = sut.ReadManifest().Sources["fake_a"];
        Assert.Equal(new DateOnly(2024, 1, 1), entry.Current);
        Assert.Equal(2, entry.Entities);
        Assert.Equal(2, entry.Names);
        Assert.Equal(FakeListReader.FileName, Assert.Single(entry.Files).Name);
        Assert.Equal(Now, entry.LastUpdate!.Time);
        Assert.True(entry.LastUpdate.Succeeded);
        Assert.Equal(64, Assert.Single(entry.LastUpdate.Files).Sha256.Length);
        Assert.Equal(["A", "B"], Assert.Single(sut.LoadCurrent(TestContext.Current.CancellationToken).Snapshots).Entries.Select(e => e.Name));
    }

    [Fact]
    public void Import_BrokenFolderAfterGoodImport_PreviousVersionKeepsServing()
    {
        FakeListReader.Write(_lists.FullName, "fake_a", "2024-01-01", "1|Good A|X");
        FakeListReader.Write(_lists.FullName, "fake_b", "2024-01-01", "1|Good B|X");
        var sut = CreateSut();
        sut.Import(Load(), TestContext.Current.CancellationToken);
        var before = sut.ReadManifest().Sources["fake_a"];
        var storedBytes = File.ReadAllBytes(sut.SnapshotPath("fake_a", new DateOnly(2024, 1, 1)));
        FakeListReader.Write(_lists.FullName, "fake_a", "2024-02-01", "1|Half written", "2|Also|X");
        FakeListReader.Write(_lists.FullName, "fake_b", "2024-02-01", "1|Newer B|X");

        var result = sut.Import(Load(), TestContext.Current.CancellationToken);

        Assert.Equal(["fake_a"], result.Failed);
        Assert.Equal(["fake_b"], result.Swapped.Select(s => s.Source));
        var after = sut.ReadManifest().Sources["fake_a"];
        ManifestAssert.SameVersionInForce(before, after);
        Assert.False(after.LastUpdate!.Succeeded);
        Assert.Contains("previous version stays in force", after.LastUpdate.Message, StringComparison.Ordinal);
        Assert.Contains("entries.txt:1", after.LastUpdate.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(sut.SnapshotPath("fake_a", new DateOnly(2024, 2, 1))));
        Assert.Equal(storedBytes, File.ReadAllBytes(sut.SnapshotPath("fake_a", new DateOnly(2024, 1, 1))));
        var current = sut.LoadCurrent(TestContext.Current.CancellationToken).Snapshots;
        Assert.Equal(["Good A", "Newer B"], current.Select(s => s.Entries[0].Name));
        Assert.Empty(Directory.GetFiles(sut.ListsRoot, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Import_KeepsEveryVersion_ForLaterDiffs()
    {
        FakeListReader.Write(_lists.FullName, "fake_a", "2024-01-01", "1|A|X");
        var sut = CreateSut();
        sut.Import(Load(), TestContext.Current.CancellationToken);
        FakeListReader.Write(_lists.FullName, "fake_a", "2024-02-01", "1|A2|X");

        sut.Import(Load(), TestContext.Current.CancellationToken);

        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1)], sut.Versions("fake_a"));
        Assert.Equal("A", sut.Load("fake_a", new DateOnly(2024, 1, 1)).Entries[0].Name);
        Assert.Equal(new DateOnly(2024, 2, 1), sut.ReadManifest().Sources["fake_a"].Current);
    }

    [Fact]
    public void Load_CorruptFile_ErrorNamesTheFile()
    {
        FakeListReader.Write(_lists.FullName, "fake_a", "2024-01-01", "1|A|X");
        FakeListReader.Write(_lists.FullName, "fake_b", "2024-01-01", "1|B|X");
        var sut = CreateSut();
        sut.Import(Load(), TestContext.Current.CancellationToken);
        var path = sut.SnapshotPath("fake_a", new DateOnly(2024, 1, 1));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<InvalidDataException>(() => sut.Load("fake_a", new DateOnly(2024, 1, 1)));
        var current = sut.LoadCurrent(TestContext.Current.CancellationToken);

        Assert.StartsWith(path + ": the stored snapshot is corrupt", ex.Message, StringComparison.Ordinal);
        Assert.Equal("fake_b", Assert.Single(current.Snapshots).Source);
        var error = Assert.Single(current.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    [Fact]
    public void Load_GarbageFile_ErrorNamesTheFile()
    {
        var sut = CreateSut();
        var path = sut.SnapshotPath("fake_a", new DateOnly(2024, 1, 1));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "this is not a snapshot");

        var ex = Assert.Throws<InvalidDataException>(() => sut.Load("fake_a", new DateOnly(2024, 1, 1)));

        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadManifest_CorruptManifest_ErrorNamesTheFile()
    {
        var sut = CreateSut();
        Directory.CreateDirectory(sut.ListsRoot);
        File.WriteAllText(sut.ManifestPath, "{ \"sources\": ");

        var ex = Assert.Throws<InvalidDataException>(sut.ReadManifest);

        Assert.StartsWith(sut.ManifestPath + ": the manifest is corrupt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadManifest_NothingImported_IsEmpty()
    {
        Assert.Empty(CreateSut().ReadManifest().Sources);
        Assert.Empty(CreateSut().LoadCurrent(TestContext.Current.CancellationToken).Snapshots);
    }

    private ListsLoadResult Load() =>
        ListsDirectory.Load(_lists.FullName, readers: FakeListReader.Registry, cancellationToken: TestContext.Current.CancellationToken);
}
