using Chokepoint.Core;
using Chokepoint.Lists.Ofac;

namespace Chokepoint.Lists.Tests.Ofac;

public sealed class OfacEnhancedXmlListReaderTests
{
    private static readonly Lazy<ListSnapshot> Cons20250110 = new(() =>
    {
        var folder = new DirectoryInfo(Path.Combine(TestPaths.Lists, OfacSources.Consolidated, "2025-01-10"));
        var result = new OfacEnhancedXmlListReader().Read(OfacSources.Consolidated, folder, new DateOnly(2025, 1, 14));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Snapshot!;
    });

    private static ListEntry Entry(string key) => Assert.Single(Cons20250110.Value.Entries, e => e.Id.Key == key);

    private static ListReadResult ReadFixture(string name) =>
        new OfacEnhancedXmlListReader().Read(
            OfacSources.Consolidated,
            new DirectoryInfo(TestPaths.InRepo("tests", "Chokepoint.Lists.Tests", "Fixtures", "ofac", name)),
            new DateOnly(2025, 1, 10),
            TestContext.Current.CancellationToken);

    [Fact]
    public void Read_Cons20250110_CountsAndDataAsOf()
    {
        var snapshot = Cons20250110.Value;

        OfacAssert.SchemaCounts(snapshot, person: 80, organization: 363, vessel: 0, aircraft: 0);
        Assert.Equal(443, snapshot.Entries.Count);
        Assert.Equal(new DateOnly(2025, 1, 10), snapshot.PublicationDate);
        Assert.Equal("CONS_ENHANCED.ZIP", Assert.Single(snapshot.Files).Name);
        Assert.Empty(snapshot.Warnings);
    }

    [Fact]
    public void Read_RepeatedEntityId_KeepsBothRecordsApartWithWarning()
    {
        var result = ReadFixture("xml_duplicate_key");

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        var entries = result.Snapshot!.Entries;
        Assert.Equal(["900001", "900001#2"], entries.Select(e => e.Id.Key));
        Assert.Equal(["DOE, John", "ROE, Jane"], entries.Select(e => e.Name));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("entity", warning.Field);
        Assert.Equal("entity id 900001 is repeated; this record is kept as 900001#2", warning.Message);
    }

    [Fact]
    public void Read_Cons20250110_IndividualFeaturesAndDocuments()
    {
        var e = Entry("50476");

        Assert.Equal("MARTELLY, Michel Joseph", e.Name);
        Assert.Equal(EntitySchema.Person, e.Schema);
        Assert.Equal(["ILLICIT-DRUGS-EO14059"], e.Programs);
        Assert.Equal([BirthDate.FromParts(1961, 2, 12)], e.BirthDates);
        Assert.Equal(["Port-au-Prince, Haiti"], e.BirthPlaces);
        Assert.Equal(["HT"], e.Nationalities);
        Assert.Equal("Male", e.Gender);
        Assert.Equal(
            [new Alias("MARTELLY, Michael", AliasKind.Aka, AliasQuality.Strong), new Alias("Sweet Micky", AliasKind.Aka, AliasQuality.Weak)],
            e.Aliases);
        Assert.Contains(new Identifier(IdentifierType.NationalId, "0032768386", "HT", "National ID No."), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.DriverLicense, "M634550610520", "US", "Driver's License No."), e.Identifiers);
        Assert.Equal(new Address(null, "Miami", "FL", null, "US", "Miami, FL, United States"), e.Addresses[0]);
        Assert.Equal(["US", "HT", "DO"], e.Countries);
        Assert.Equal(new DateOnly(2024, 8, 20), e.ListedOn);
        Assert.Equal("Non-SDN Menu-Based Sanctions List; Consolidated List", e.Provenance.SubList);
    }

    [Fact]
    public void Read_Cons20250110_OriginalScriptNamesCarryTheirScript()
    {
        var e = Entry("17013");

        Assert.Equal("VTB BANK PUBLIC JOINT STOCK COMPANY", e.Name);
        Assert.Contains(new Alias("БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО", AliasKind.Aka, AliasQuality.Strong, "Cyrl"), e.Aliases);
        Assert.Contains(new Identifier(IdentifierType.SwiftBic, "VTBRRUMM", Note: "SWIFT/BIC"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Website, "www.vtb.com", Note: "Website"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.RegistrationNumber, "1027739609391", "RU", "Registration ID"), e.Identifiers);
        Assert.Equal("Subject to Directive 1", e.Details["Executive Order 13662 Directive Determination"]);
        Assert.Contains("RUSSIA-EO14024", e.Programs);
    }

    [Theory]
    [InlineData("xml_not_zip", "CONS_ENHANCED.ZIP", 0, null)]
    [InlineData("xml_zip_without_xml", "CONS_ENHANCED.ZIP", 0, null)]
    [InlineData("xml_html_page", "CONS_ENHANCED.ZIP!CONS_ENHANCED.XML", 1, null)]
    [InlineData("xml_truncated", "CONS_ENHANCED.ZIP!CONS_ENHANCED.XML", 18, "entity")]
    public void Read_BrokenArchive_FailsWithLocatedError(string fixture, string file, int line, string? field)
    {
        var result = ReadFixture(fixture);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, $"us_ofac_cons/{fixture}/{file}", line, field), (error.Severity, error.File, error.Line, error.Field));
    }

    [Fact]
    public void CanRead_FolderWithCsvSetAndZip_LeavesItToTheCsvReader()
    {
        var folder = new DirectoryInfo(TestPaths.InRepo("tests", "Chokepoint.Lists.Tests", "Fixtures", "ofac", "csv_and_zip"));

        Assert.False(new OfacEnhancedXmlListReader().CanRead(OfacSources.Sdn, folder));
        Assert.True(new OfacCsvListReader().CanRead(OfacSources.Sdn, folder));
        Assert.True(new OfacEnhancedXmlListReader().CanRead(
            OfacSources.Consolidated, new DirectoryInfo(Path.Combine(TestPaths.Lists, OfacSources.Consolidated, "2025-01-10"))));
    }
}
