using Chokepoint.Core;
using Chokepoint.Lists.Diff;

namespace Chokepoint.Lists.Tests.Diff;

public sealed class ListDiffTests
{
    private static ListEntry Entry(string key, string name, params string[] programs) => new()
    {
        Id = new EntityId("fake_a", key),
        Schema = EntitySchema.Organization,
        Name = name,
        Programs = programs,
        Provenance = new Provenance("fake_a", "entries.txt", new DateOnly(2024, 1, 1)),
    };

    private static ListSnapshot Snapshot(DateOnly date, params ListEntry[] entries) =>
        new() { Source = "fake_a", PublicationDate = date, Entries = entries };

    [Fact]
    public void Compare_AddedRemovedChanged_ByEntityId()
    {
        var from = Snapshot(new DateOnly(2024, 1, 1), Entry("1", "Same", "X"), Entry("2", "Gone", "X"), Entry("3", "Old Name", "X", "Y"));
        var to = Snapshot(new DateOnly(2024, 2, 1), Entry("3", "New Name", "Y", "Z") with { Provenance = new Provenance("fake_a", "other.txt", new DateOnly(2024, 2, 1)) }, Entry("1", "Same", "X"), Entry("4", "Fresh", "X"));

        var diff = ListDiff.Compare(from, to);

        Assert.Equal(["fake_a:4"], diff.Added.Select(e => e.Id.ToString()));
        Assert.Equal(["fake_a:2"], diff.Removed.Select(e => e.Id.ToString()));
        var changed = Assert.Single(diff.Changed);
        Assert.Equal("fake_a:3", changed.Id.ToString());
        Assert.Equal("New Name", changed.Name);
        Assert.Collection(
            changed.Fields,
            f => Assert.Equal(new FieldChange("name", ["Old Name"], ["New Name"]), f, new FieldChangeComparer()),
            f => Assert.Equal(new FieldChange("programs", ["X"], ["Z"]), f, new FieldChangeComparer()));
        Assert.Equal(1, diff.Unchanged);
        Assert.Equal(new DateOnly(2024, 1, 1), diff.From);
        Assert.Equal(new DateOnly(2024, 2, 1), diff.To);
    }

    [Fact]
    public void CompareEntries_ReorderedValues_AreNotAChange()
    {
        var a = Entry("1", "N", "X", "Y") with { Aliases = [new Alias("A", AliasKind.Aka), new Alias("B", AliasKind.Aka)] };
        var b = Entry("1", "N", "Y", "X") with { Aliases = [new Alias("B", AliasKind.Aka), new Alias("A", AliasKind.Aka)] };

        Assert.Empty(ListDiff.CompareEntries(a, b));
    }

    [Fact]
    public void CompareEntries_EachKindOfField_ReportsBeforeAndAfter()
    {
        var a = Entry("1", "N") with
        {
            Aliases = [new Alias("A", AliasKind.Aka, AliasQuality.Strong)],
            Identifiers = [new Identifier(IdentifierType.Passport, "123", "RU")],
            Addresses = [new Address(null, "Moscow", null, null, "RU", "Moscow, Russia")],
            BirthDates = [BirthDate.FromParts(1964)],
            Nationalities = ["RU"],
            Remarks = "old",
        };
        var b = a with
        {
            Aliases = [new Alias("A", AliasKind.Aka, AliasQuality.Weak)],
            Identifiers = [new Identifier(IdentifierType.Passport, "124", "RU")],
            Addresses = [],
            BirthDates = [BirthDate.FromParts(1964, 5, 13)],
            Nationalities = ["RU", "BY"],
            Remarks = null,
        };

        var fields = ListDiff.CompareEntries(a, b);

        Assert.Equal(["aliases", "birthDates", "nationalities", "addresses", "identifiers", "remarks"], fields.Select(f => f.Field));
        Assert.Equal(["A (Aka, Strong)"], fields[0].Before);
        Assert.Equal(["A (Aka, Weak)"], fields[0].After);
        Assert.Equal(["1964"], fields[1].Before);
        Assert.Equal(["1964-05-13"], fields[1].After);
        Assert.Empty(fields[2].Before);
        Assert.Equal(["BY"], fields[2].After);
        Assert.Equal(["Moscow, Russia"], fields[3].Before);
        Assert.Empty(fields[3].After);
        Assert.Equal(["Passport: 123 (RU)"], fields[4].Before);
        Assert.Equal(["Passport: 124 (RU)"], fields[4].After);
        Assert.Equal(["old"], fields[5].Before);
        Assert.Empty(fields[5].After);
    }

    [Fact]
    public void Compare_DifferentSources_Throws()
    {
        var a = Snapshot(new DateOnly(2024, 1, 1));
        var b = a with { Source = "fake_b" };

        Assert.Throws<ArgumentException>(() => ListDiff.Compare(a, b));
    }

    [Fact]
    public void Compare_OfacSdn20210425To20210707_MatchesThePublishedDelta()
    {
        var from = Read("us_ofac_sdn", new DateOnly(2021, 4, 25));
        var to = Read("us_ofac_sdn", new DateOnly(2021, 7, 7));

        var diff = ListDiff.Compare(from, to);

        // SOURCES.md counts sdn.csv rows: 64 removed, 150 added, 11 changed. Five more entities change although their
        // sdn.csv row does not: 2021-04-25 has no sdn_comments.csv, whose rows continue those entities' remarks in
        // 2021-07-07. The alt.csv and add.csv changes all fall on entities among the 11.
        string[] changedRows = ["10138", "20290", "23581", "26889", "26890", "31412", "31414", "31415", "31452", "31455", "31611"];
        string[] continuedRemarks = ["12300", "28263", "28264", "29703", "30518"];
        Assert.Equal(8890, from.Entries.Count);
        Assert.Equal(8976, to.Entries.Count);
        Assert.Equal(64, diff.Removed.Count);
        Assert.Equal(150, diff.Added.Count);
        Assert.Equal(changedRows.Concat(continuedRemarks).Order(StringComparer.Ordinal), diff.Changed.Select(c => c.Id.Key).Order(StringComparer.Ordinal));
        Assert.All(diff.Changed.Where(c => continuedRemarks.Contains(c.Id.Key)), c => Assert.Contains(c.Fields, f => f.Field == "remarks"));
        Assert.Equal(["programs"], diff.Changed.Single(c => c.Id.Key == "31412").Fields.Select(f => f.Field));
        Assert.Equal(8890 - 64 - 16, diff.Unchanged);
    }

    [Fact]
    public void Compare_UnConsolidated20251120To20260227_FourAddedOneRemoved()
    {
        var from = Read("un_sc_consolidated", new DateOnly(2025, 11, 20));
        var to = Read("un_sc_consolidated", new DateOnly(2026, 2, 27));

        var diff = ListDiff.Compare(from, to);

        Assert.Equal(1000, from.Entries.Count);
        Assert.Equal(1003, to.Entries.Count);
        Assert.Equal(["6909526", "6909527", "6909528", "6909529"], diff.Added.Select(e => e.Id.Key));
        Assert.Equal("6908121", Assert.Single(diff.Removed).Id.Key);
        Assert.All(diff.Changed, c => Assert.Equal(["remarks"], c.Fields.Select(f => f.Field)));
    }

    private static ListSnapshot Read(string source, DateOnly date)
    {
        var result = ListsDirectory.LoadVersion(TestPaths.Lists, source, date, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Snapshot!;
    }

    private sealed class FieldChangeComparer : IEqualityComparer<FieldChange>
    {
        public bool Equals(FieldChange? x, FieldChange? y) =>
            x is not null && y is not null && x.Field == y.Field && x.Before.SequenceEqual(y.Before) && x.After.SequenceEqual(y.After);

        public int GetHashCode(FieldChange obj) => obj.Field.GetHashCode(StringComparison.Ordinal);
    }
}
