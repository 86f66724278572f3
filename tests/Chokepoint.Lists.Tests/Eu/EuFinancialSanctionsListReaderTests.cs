using Chokepoint.Core;
using Chokepoint.Lists.Eu;

namespace Chokepoint.Lists.Tests.Eu;

public sealed class EuFinancialSanctionsListReaderTests
{
    private const string Source = EuFinancialSanctionsListReader.SourceName;
    private readonly EuFinancialSanctionsListReader _reader = new();

    [Fact]
    public void Read_SyntheticExport_MapsPersonFields()
    {
        var result = ListFolders.Read(_reader, Source, ListFolders.Fixture("eu", "synthetic"));

        Assert.True(result.Succeeded);
        Assert.Equal(new DateOnly(2024, 3, 5), result.Snapshot!.PublicationDate);
        var e = ListFolders.Entry(result.Snapshot, "9001");
        Assert.Equal(EntitySchema.Person, e.Schema);
        Assert.Equal("Olaf Testmann", e.Name);
        Assert.Equal(
            [new Alias("Олаф Тестманн", AliasKind.Aka, AliasQuality.Strong, "Cyrl", "RU"), new Alias("The Tester", AliasKind.Aka, AliasQuality.Weak)],
            e.Aliases);
        Assert.Equal([BirthDate.FromParts(1970, 2, 3), BirthDate.FromParts(1971)], e.BirthDates);
        Assert.Equal(["Testville, GERMANY"], e.BirthPlaces);
        Assert.Equal(["DE"], e.Citizenships);
        Assert.Equal([new Address("1 Test Street", "Testville", null, "12345", "DE", "1 Test Street, Testville, 12345, DE")], e.Addresses);
        Assert.Equal(
            [
                new Identifier(IdentifierType.Passport, "P1234567", "DE", "National passport"),
                new Identifier(IdentifierType.Other, "EU.9001.01", null, EuFinancialSanctionsListReader.EuReferenceNote),
                new Identifier(IdentifierType.Other, "TLi.001", null, "UN reference"),
            ],
            e.Identifiers);
        Assert.Equal(["TST"], e.Programs);
        Assert.Equal(new DateOnly(2022, 3, 2), e.ListedOn);
        Assert.Equal("Male", e.Gender);
        Assert.Equal(["Director of Example Trading"], e.Titles);
        Assert.Equal("Synthetic test record.", e.Remarks);
    }

    [Fact]
    public void Read_SyntheticExport_DropsUnknownCountryAndKeepsRepeatedIdApart()
    {
        var result = ListFolders.Read(_reader, Source, ListFolders.Fixture("eu", "synthetic"));

        var company = ListFolders.Entry(result.Snapshot!, "9002");
        Assert.Equal(EntitySchema.Organization, company.Schema);
        Assert.Empty(company.Addresses);
        Assert.Equal("Example Trading (Testland) LLC", ListFolders.Entry(result.Snapshot!, "9002#2").Name);
        Assert.Equal(
            new ListDiagnostic(DiagnosticSeverity.Warning, "eu_fsf/synthetic/sanctions.xml", 24, "logicalId", "repeated key '9002'; the record is kept apart as '9002#2'"),
            Assert.Single(result.Diagnostics));
    }

    [Fact]
    public void Read_HtmlPage_FailsNamingTheRootElement()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("eu", "html"));

        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Error, "eu_fsf/html/sanctions.xml", 1, "html",
            "expected the root element export but found 'html' (line 1, position 2)"), error);
    }
}
