using Chokepoint.Core;
using Chokepoint.Lists.Uk;

namespace Chokepoint.Lists.Tests.Uk;

public sealed class UkConsolidatedListReaderTests
{
    private const string Source = UkConsolidatedListReader.SourceName;
    private readonly UkConsolidatedListReader _reader = new();

    // The staged file is read once for the class; each test asserts on the shared snapshot.
    private static readonly Lazy<ListSnapshot> Workbook2025 = new(() => ListFolders.ReadOk(new UkConsolidatedListReader(), Source, ListFolders.Staged(Source, "2025-04-10")));

    [Fact]
    public void Read_Workbook2025_GroupsRowsByGroupId()
    {
        var snapshot = Workbook2025.Value;

        Assert.Equal(4_686, snapshot.Entries.Count);
        Assert.Equal(new DateOnly(2025, 4, 10), snapshot.PublicationDate);
        Assert.Equal("ConList.xlsx", Assert.Single(snapshot.Files).Name);
        Assert.Equal(3_662, snapshot.Entries.Count(e => e.Schema == EntitySchema.Person));
        Assert.Equal(15, snapshot.Entries.Count(e => e.Schema == EntitySchema.Vessel));
    }

    [Fact]
    public void Read_Workbook2025_MergesTheVariationsOfOneTarget()
    {
        var snapshot = Workbook2025.Value;

        var e = ListFolders.Entry(snapshot, "7059");
        Assert.Equal(EntitySchema.Person, e.Schema);
        Assert.Equal("Said BAHAJI", e.Name);
        Assert.Equal(
            [
                new Alias("Mohamed ABBATTAY", AliasKind.Aka, AliasQuality.Weak),
                new Alias("Abderrahmane AL MAGHRIBI", AliasKind.Aka, AliasQuality.Weak),
                new Alias("Zouheir AL MAGHRIBI", AliasKind.Aka, AliasQuality.Strong),
                new Alias("سعيد باهاجى", AliasKind.Variation, AliasQuality.Unknown, "Arab"),
            ],
            e.Aliases);
        Assert.Equal([BirthDate.FromParts(1975, 7, 15)], e.BirthDates);
        Assert.Equal(["Haselünne, Lower Saxony, Germany"], e.BirthPlaces);
        Assert.Equal(["DE", "MA"], e.Nationalities);
        Assert.Equal(
            [
                new Identifier(IdentifierType.Passport, "28642163", null, "German provisional. Issued by the city of Hamburg"),
                new Identifier(IdentifierType.Passport, "954242", null, "Moroccan. Issued on 28 June 1995 in Meknas, Morocco. Expired."),
                new Identifier(IdentifierType.NationalId, "1336597587", null, "Germany identity document (\"Bundespersonalausweis\")"),
            ],
            e.Identifiers);
        Assert.Equal([new Address("Bunatwiete 23", "Hamburg", null, "21073", "DE", "Bunatwiete 23, Hamburg, 21073, Germany")], e.Addresses);
        Assert.Equal(["ISIL (Da'esh) and Al-Qaida"], e.Programs);
        Assert.Equal(new DateOnly(2002, 10, 1), e.ListedOn);
        Assert.Equal(new DateOnly(2022, 1, 12), e.LastUpdated);
        Assert.StartsWith("(UK Sanctions List Ref):AQD0300. (UN Ref):QDi.080.", e.Remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Workbook2025_KeepsCyrillicNameWithLanguage()
    {
        var snapshot = Workbook2025.Value;

        var e = ListFolders.Entry(snapshot, "14241");
        Assert.Equal("Khizri Magomedovich ABAKAROV", e.Name);
        Assert.Equal([new Alias("Хизри Магомедович Абакаров", AliasKind.Variation, AliasQuality.Unknown, "Cyrl")], e.Aliases);
        Assert.Equal(["Member of the State Duma of the Russian Federation"], e.Titles);
        Assert.Equal("Male", e.Gender);
    }

    [Fact]
    public void Read_Csv2016_GroupsRowsByGroupId()
    {
        var snapshot = ListFolders.ReadOk(_reader, Source, ListFolders.Staged(Source, "2016-03-23"));

        Assert.Equal(1_924, snapshot.Entries.Count);
        Assert.Equal(new DateOnly(2016, 3, 23), snapshot.PublicationDate);
        var e = ListFolders.Entry(snapshot, "6894");
        Assert.Equal("Mohamad Iqbal ABDURRAHMAN", e.Name);
        Assert.Equal(
            ["Mohamad Iqbal A RAHMAN", "Mohamad Iqbal ABDUL RAHMAN", "Abu Jibril ABDURRAHMAN", "Fihiruddin MUQTI", "Fikiruddin MUQTI", "Mohamad Iqbal RAHMAN"],
            e.Aliases.Select(a => a.Name));
        Assert.All(e.Aliases, a => Assert.Equal(AliasKind.Aka, a.Kind));
        Assert.Equal([BirthDate.FromParts(1957, 8, 17), BirthDate.FromParts(1958, 8, 17)], e.BirthDates);
        Assert.Equal(["ID"], e.Nationalities);
        Assert.Equal([new Identifier(IdentifierType.NationalId, "no 3603251708570001", null, "NI Number")], e.Identifiers);
        Assert.Equal("Tangerang", Assert.Single(e.Addresses).City);
        Assert.Equal("UN Ref QI.A.86.03.", e.Remarks);
    }

    [Fact]
    public void Read_MissingColumn_FailsNamingIt()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("uk", "missingcolumn"));

        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Error, "uk_ofsi_conlist/missingcolumn/sanctionsconlist.csv", 2, "Regime", "the header has no such column"), error);
    }

    [Fact]
    public void Read_BadBirthDate_WarnsAndReadsZeroDayAsUnknown()
    {
        var result = ListFolders.Read(_reader, Source, ListFolders.Fixture("uk", "baddate"));

        Assert.True(result.Succeeded);
        var e = Assert.Single(result.Snapshot!.Entries);
        Assert.Equal([BirthDate.FromParts(1960, 5)], e.BirthDates);
        Assert.Equal([new Alias("Olaf TESTMAN", AliasKind.Aka)], e.Aliases);
        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Warning, "uk_ofsi_conlist/baddate/sanctionsconlist.csv", 4, "DOB",
            "Group ID 90001: '31/02/1961' is not a date (dd/mm/yyyy, mm/yyyy or yyyy)"), Assert.Single(result.Diagnostics));
    }

    [Fact]
    public void Read_RowWithoutGroupId_Fails()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("uk", "nogroup"));

        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Error, "uk_ofsi_conlist/nogroup/sanctionsconlist.csv", 3, "Group ID", "the row has no Group ID"), error);
    }

    [Fact]
    public void Read_HtmlSavedAsWorkbook_Fails()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("uk", "notxlsx"));

        Assert.Equal("uk_ofsi_conlist/notxlsx/ConList.xlsx", error.File);
        Assert.StartsWith("not a readable xlsx workbook: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HtmlSavedAsCsv_FailsOnFirstRow()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("uk", "htmlcsv"));

        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Error, "uk_ofsi_conlist/htmlcsv/sanctionsconlist.csv", 1, "Last Updated", "row 1 must be 'Last Updated,<dd/mm/yyyy>'"), error);
    }
}
