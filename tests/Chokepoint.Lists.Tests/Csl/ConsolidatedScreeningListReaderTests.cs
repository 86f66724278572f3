using Chokepoint.Core;
using Chokepoint.Lists.Csl;

namespace Chokepoint.Lists.Tests.Csl;

public sealed class ConsolidatedScreeningListReaderTests
{
    private const string Source = ConsolidatedScreeningListReader.SourceName;

    // The staged file is read once for the class; each test asserts on the shared snapshot.
    private static readonly Lazy<ListReadResult> Staged2022 =
        new(() => ListFolders.Read(new ConsolidatedScreeningListReader(), Source, ListFolders.Staged(Source, "2022-05-16")));

    private readonly ConsolidatedScreeningListReader _reader = new();

    [Fact]
    public void Read_StagedFile_ReadsEveryRowAndKeepsRepeatedIdsApart()
    {
        var result = Staged2022.Value;

        Assert.True(result.Succeeded);
        var snapshot = result.Snapshot!;
        Assert.Equal(14_160, snapshot.Entries.Count);
        Assert.Equal(2_001, snapshot.Entries.Count(e => e.Provenance.SubList == "Entity List (EL) - Bureau of Industry and Security"));
        Assert.Equal(14_160 - 14_048, result.Diagnostics.Count(d => d.Message.StartsWith("repeated key", StringComparison.Ordinal)));
        var repeated = Assert.Single(snapshot.Entries, e => e.Id.Key == "34616#2");
        Assert.Equal("ARIMERO HOLDING LIMITED", repeated.Name);
        Assert.Equal("consolidated.csv.gz", Assert.Single(snapshot.Files).Name);
    }

    [Fact]
    public void Read_StagedEntityListRow_MapsSubListAddressAndAliases()
    {
        var e = ListFolders.Entry(Staged2022.Value.Snapshot!, "4398d33e9e93c7477af39f1e0bfffc13ddd47bcc");

        Assert.Equal("140 Repair Plant JSC", e.Name);
        Assert.Equal(EntitySchema.Unknown, e.Schema);
        Assert.Equal("Entity List (EL) - Bureau of Industry and Security", e.Provenance.SubList);
        Assert.Equal("http://bit.ly/1L47xrV", e.Provenance.Url);
        Assert.Equal([new Address(null, null, null, null, "BY", "19 Luysi Chalovskoy St., Borisov, 222512, BY")], e.Addresses);
        Assert.Equal(["Open Joint Stock Company 140 Repair Plant", "JSC 140 Repair Plant"], e.Aliases.Select(a => a.Name));
        Assert.Equal(new DateOnly(2022, 4, 7), e.ListedOn);
        Assert.Equal("87 FR 20299", e.Details["federal_register_notice"]);
        Assert.Equal("Policy of denial.", e.Details["license_policy"]);
    }

    [Fact]
    public void Read_StagedSdnRow_ParsesIdsAndBirthDates()
    {
        var e = ListFolders.Entry(Staged2022.Value.Snapshot!, "12562");

        Assert.Equal(EntitySchema.Person, e.Schema);
        Assert.Equal([BirthDate.FromParts(1981, 2, 5), BirthDate.FromParts(1972, 1, 1)], e.BirthDates);
        Assert.Equal(["AF"], e.Nationalities);
        Assert.Equal(
            [
                new Identifier(IdentifierType.Passport, "4117921", "PK", "Passport; dates 2013-09-09, 2008-09-09"),
                new Identifier(IdentifierType.Passport, "OR801168", "AF", "Passport; dates 2011-02-27, 2006-02-28"),
                new Identifier(IdentifierType.NationalId, "281020505755", "KW", "National ID No."),
            ],
            e.Identifiers);
        Assert.Equal(["SDGT"], e.Programs);
    }

    [Fact]
    public void Read_MissingNameColumn_FailsNamingIt()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("csl", "missingcolumn"));

        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Error, "us_trade_csl/missingcolumn/consolidated.csv", 1, "name", "the header has no such column"), error);
    }

    [Fact]
    public void Read_RepeatedIdAndBadDates_WarnsAndKeepsBoth()
    {
        var result = ListFolders.Read(_reader, Source, ListFolders.Fixture("csl", "duplicate"));

        Assert.True(result.Succeeded);
        Assert.Equal(
            [
                new ListDiagnostic(DiagnosticSeverity.Warning, "us_trade_csl/duplicate/consolidated.csv", 2, "dates_of_birth", "_id 77: '1970-02-30' is not a birth date"),
                new ListDiagnostic(DiagnosticSeverity.Warning, "us_trade_csl/duplicate/consolidated.csv", 3, "_id", "repeated key '77'; the record is kept apart as '77#2'"),
                new ListDiagnostic(DiagnosticSeverity.Warning, "us_trade_csl/duplicate/consolidated.csv", 3, "start_date", "_id 77: '2021-13-01' is not a date (yyyy-mm-dd)"),
            ],
            result.Diagnostics);
        var second = ListFolders.Entry(result.Snapshot!, "77#2");
        Assert.Equal(EntitySchema.Organization, second.Schema);
        Assert.Equal("Test List B", second.Provenance.SubList);
        Assert.Equal(["TEST", "OTHER"], second.Programs);
        Assert.Equal(["Example Trading", "ETL"], second.Aliases.Select(a => a.Name));
        Assert.Equal("Female", second.Gender);
        Assert.Equal([new Identifier(IdentifierType.Passport, "X123", "TL", "Passport; dates 2019-01-02, 2029-01-01")], second.Identifiers);
        Assert.Equal(["US"], second.Countries);
    }
}
