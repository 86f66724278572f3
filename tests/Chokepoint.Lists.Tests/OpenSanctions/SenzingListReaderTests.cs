using Chokepoint.Core;
using Chokepoint.Lists.OpenSanctions;

namespace Chokepoint.Lists.Tests.OpenSanctions;

public sealed class SenzingListReaderTests
{
    private const string Source = "opensanctions_us_congress_senzing";
    private readonly SenzingListReader _reader = new();

    [Fact]
    public void Read_StagedFile_ReadsEveryLine()
    {
        var snapshot = ListFolders.ReadOk(_reader, Source, ListFolders.Staged(Source, "2025-12-08"));

        Assert.Equal(1_319, snapshot.Entries.Count);
        Assert.Equal(1_317, snapshot.Entries.Count(e => e.Schema == EntitySchema.Person));
        var e = ListFolders.Entry(snapshot, "NK-AQ4HymsADSK2D63MkyTqfC");
        Assert.Equal("Jennifer L. McClellan", e.Name);
        Assert.Equal([BirthDate.FromParts(1972)], e.BirthDates);
        Assert.Equal(["US"], e.Nationalities);
        Assert.Equal([new Identifier(IdentifierType.Other, "NK-AQ4HymsADSK2D63MkyTqfC", null, "OPEN_SANCTIONS")], e.Identifiers);
        Assert.Equal("role.pep", e.Details["topics"]);
        Assert.Equal(new DateOnly(2024, 3, 21), e.LastUpdated);
        Assert.Equal(new Provenance(Source, "senzing.json", new DateOnly(2025, 12, 8), "OS_US_CONGRESS", "https://www.opensanctions.org/entities/NK-AQ4HymsADSK2D63MkyTqfC"), e.Provenance);
    }

    [Fact]
    public void Read_RepeatedRecordIdAndBadDate_WarnsAndKeepsBoth()
    {
        var result = ListFolders.Read(_reader, Source, ListFolders.Fixture("opensanctions", "senzing-duplicate"));

        Assert.True(result.Succeeded);
        const string File = "opensanctions_us_congress_senzing/senzing-duplicate/senzing.json";
        Assert.Equal(
            [
                new ListDiagnostic(DiagnosticSeverity.Warning, File, 1, "DATE_OF_BIRTH", "record xx-1: '1970-13' is not a date"),
                new ListDiagnostic(DiagnosticSeverity.Warning, File, 2, "RECORD_ID", "repeated key 'xx-1'; the record is kept apart as 'xx-1#2'"),
            ],
            result.Diagnostics);
        var person = result.Snapshot!.Entries[0];
        Assert.Equal("Olaf Testmann", person.Name);
        Assert.Equal([new Alias("O. Testmann", AliasKind.Aka)], person.Aliases);
        Assert.Equal(["DE"], person.Nationalities);
        Assert.Equal(["AT"], person.Citizenships);
        Assert.Equal("1 Test Street, Testville", Assert.Single(person.Addresses).Full);
        Assert.Equal([new Identifier(IdentifierType.Passport, "P1234567", "DE", "PASSPORT_NUMBER")], person.Identifiers);
        var company = result.Snapshot.Entries[1];
        Assert.Equal("xx-1#2", company.Id.Key);
        Assert.Equal(EntitySchema.Organization, company.Schema);
        Assert.Equal("Example Trading LLC", company.Name);
    }

    [Fact]
    public void Read_LineThatIsNotAnObject_FailsWithLineNumber()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("opensanctions", "senzing-badline"));

        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Error, "opensanctions_us_congress_senzing/senzing-badline/senzing.json", 3, null,
            "expected a JSON object but found Array"), error);
    }
}
