using Chokepoint.Core;
using Chokepoint.Lists.Un;

namespace Chokepoint.Lists.Tests.Un;

public sealed class UnConsolidatedListReaderTests
{
    private const string Source = UnConsolidatedListReader.SourceName;
    private readonly UnConsolidatedListReader _reader = new();

    // The staged file is read once for the class; each test asserts on the shared snapshot.
    private static readonly Lazy<ListSnapshot> Staged2026 = new(() => ListFolders.ReadOk(new UnConsolidatedListReader(), Source, ListFolders.Staged(Source, "2026-02-27")));

    [Fact]
    public void Read_StagedFile_CountsIndividualsAndEntities()
    {
        var snapshot = Staged2026.Value;

        Assert.Equal(730, snapshot.Entries.Count(e => e.Schema == EntitySchema.Person));
        Assert.Equal(273, snapshot.Entries.Count(e => e.Schema == EntitySchema.Organization));
        Assert.Equal(new DateOnly(2026, 2, 27), snapshot.PublicationDate);
        Assert.Empty(snapshot.Warnings);
        var file = Assert.Single(snapshot.Files);
        Assert.Equal("consolidated.xml", file.Name);
        Assert.Equal(2_030_620, file.Length);
    }

    [Fact]
    public void Read_StagedIndividual_MapsEveryField()
    {
        var snapshot = Staged2026.Value;

        var e = ListFolders.Entry(snapshot, "6908072");
        Assert.Equal("TARIQ AZIZ", e.Name);
        Assert.Equal(EntitySchema.Person, e.Schema);
        Assert.Equal(new Alias("طارق عزيز", AliasKind.Variation, AliasQuality.Unknown, "Arab"), e.Aliases[0]);
        Assert.Equal(new Alias("Tariq Mikhail Aziz", AliasKind.Aka, AliasQuality.Strong), e.Aliases[1]);
        Assert.Equal([BirthDate.FromParts(1936, 7, 1)], e.BirthDates);
        Assert.Equal(["Mosul, Iraq"], e.BirthPlaces);
        Assert.Equal(["IQ"], e.Nationalities);
        Assert.Contains(new Identifier(IdentifierType.Passport, "No34409/129", null, "Passport; (July 1997)"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Other, "IQi.025", null, UnConsolidatedListReader.ReferenceNote), e.Identifiers);
        Assert.Equal(["Iraq", "IQi.025"], e.Programs);
        Assert.Equal(new DateOnly(2003, 6, 27), e.ListedOn);
        Assert.Null(e.LastUpdated);
        Assert.Equal(new Provenance(Source, "consolidated.xml", new DateOnly(2026, 2, 27)), e.Provenance);
    }

    [Fact]
    public void Read_StagedEntity_KeepsOriginalScriptAndLatestUpdate()
    {
        var snapshot = Staged2026.Value;

        var e = ListFolders.Entry(snapshot, "113457");
        Assert.Equal("AL-ITIHAAD AL-ISLAMIYA / AIAI", e.Name);
        Assert.Equal(EntitySchema.Organization, e.Schema);
        Assert.Contains(new Alias("الاتحاد الاسلامي", AliasKind.Variation, AliasQuality.Unknown, "Arab"), e.Aliases);
        Assert.Equal(new DateOnly(2020, 11, 24), e.LastUpdated);
        Assert.StartsWith("Reported to have operated in Somalia", e.Remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_YearRange_BecomesBirthDateRange()
    {
        var snapshot = ListFolders.ReadOk(_reader, Source, ListFolders.Fixture("un", "duplicate"));

        var person = ListFolders.Entry(snapshot, "900001");
        Assert.Equal([BirthDate.FromYearRange(1960, 1962)], person.BirthDates);
    }

    [Fact]
    public void Read_HtmlPage_FailsNamingTheRootElement()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("un", "html"));

        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Error, "un_sc_consolidated/html/consolidated.xml", 1, "html",
            "expected the root element CONSOLIDATED_LIST but found 'html' (line 1, position 2)"), error);
    }

    [Fact]
    public void Read_EmptyFile_FailsWithMissingRoot()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("un", "empty"));

        Assert.Equal("un_sc_consolidated/empty/consolidated.xml", error.File);
        Assert.StartsWith("malformed XML at line 0, position 0: Root element is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedXml_FailsWithLineAndPosition()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("un", "truncated"));

        Assert.Equal("un_sc_consolidated/truncated/consolidated.xml", error.File);
        Assert.Equal(9, error.Line);
        Assert.StartsWith("malformed XML at line 9, position 1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RepeatedDataId_KeepsLaterRecordApartWithWarning()
    {
        var result = ListFolders.Read(_reader, Source, ListFolders.Fixture("un", "duplicate"));

        Assert.True(result.Succeeded);
        Assert.Equal(["900001", "900001#2"], result.Snapshot!.Entries.Select(e => e.Id.Key));
        Assert.Equal("TESTMANN TRADING", result.Snapshot.Entries[1].Name);
        Assert.Equal("Cyrl", result.Snapshot.Entries[1].Aliases[0].Script);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Warning, "un_sc_consolidated/duplicate/consolidated.xml", 19, "DATAID",
            "repeated key '900001'; the record is kept apart as '900001#2'"), warning);
    }

    [Fact]
    public void Read_BadBirthDate_WarnsAndKeepsTheRecord()
    {
        var result = ListFolders.Read(_reader, Source, ListFolders.Fixture("un", "baddate"));

        Assert.True(result.Succeeded);
        Assert.Empty(Assert.Single(result.Snapshot!.Entries).BirthDates);
        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Warning, "un_sc_consolidated/baddate/consolidated.xml", 4, "INDIVIDUAL_DATE_OF_BIRTH/DATE",
            "DATAID 900002: '1971-13-45' is not a date (yyyy-mm-dd)"), Assert.Single(result.Diagnostics));
    }

    [Fact]
    public void Read_RecordWithoutDataId_Fails()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("un", "nokey"));

        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Error, "un_sc_consolidated/nokey/consolidated.xml", 4, "DATAID", "INDIVIDUAL has no DATAID"), error);
    }
}
