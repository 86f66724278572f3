using Chokepoint.Core;
using Chokepoint.Lists.Dpl;

namespace Chokepoint.Lists.Tests.Dpl;

public sealed class DeniedPersonsListReaderTests
{
    private const string Source = DeniedPersonsListReader.SourceName;
    private readonly DeniedPersonsListReader _reader = new();

    [Theory]
    [InlineData("2023-11-28", 665, 1)]
    [InlineData("2022-09-02", 581, 2)]
    public void Read_StagedFile_ReadsEveryRowAndWarnsOnFutureUpdates(string date, int rows, int futureUpdates)
    {
        var result = ListFolders.Read(_reader, Source, ListFolders.Staged(Source, date));

        Assert.True(result.Succeeded);
        Assert.Equal(rows, result.Snapshot!.Entries.Count);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), result.Snapshot.PublicationDate);
        Assert.Equal(futureUpdates, result.Diagnostics.Count(d => d.Field == "Last_Update"));
        Assert.Equal(2, result.Diagnostics.Count(d => d.Message.StartsWith("repeated key", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_StagedFile_TrimsAndKeysByContent()
    {
        var snapshot = ListFolders.ReadOk(_reader, Source, ListFolders.Staged(Source, "2023-11-28"));

        var e = snapshot.Entries[0];
        Assert.Equal("f37a7ff287b7", e.Id.Key);
        Assert.Equal("I. ASH", e.Name);
        Assert.Equal(
            new Address("UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI SEAGOVILLE, 2113 NORTH HIGHWAY 175", "SEAGOVILLE", "TX", "75159", "US",
                "UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI SEAGOVILLE, 2113 NORTH HIGHWAY 175, SEAGOVILLE, TX, 75159, US"),
            Assert.Single(e.Addresses));
        Assert.Equal(new DateOnly(2003, 6, 19), e.ListedOn);
        Assert.Equal(new DateOnly(2007, 1, 31), e.LastUpdated);
        Assert.Equal("06/29/2056", e.Details["Expiration_Date"]);
        Assert.Equal("68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07", e.Details["FR_Citation"]);
    }

    [Fact]
    public void Read_SamePartyInTwoVersions_KeepsItsKey()
    {
        var older = ListFolders.ReadOk(_reader, Source, ListFolders.Staged(Source, "2022-09-02"));
        var newer = ListFolders.ReadOk(_reader, Source, ListFolders.Staged(Source, "2023-11-28"));

        // 419 rows are unchanged between the versions (same name, street, city, country and effective date).
        var shared = older.Entries.Select(e => e.Id).Intersect(newer.Entries.Select(e => e.Id)).Count(id => !id.Key.Contains('#', StringComparison.Ordinal));
        Assert.Equal(419, shared);
        Assert.Equal(older.Entries[0].Id, newer.Entries[0].Id);
    }

    [Fact]
    public void ContentKey_CaseAndSpacing_DoNotMatter()
    {
        Assert.Equal(
            DeniedPersonsListReader.ContentKey("OLAF  TESTMANN", "1 TEST ROAD", "TESTVILLE", null, "01/02/2020"),
            DeniedPersonsListReader.ContentKey(" Olaf Testmann", "1 Test Road ", "Testville", "", "01/02/2020"));
        Assert.NotEqual(
            DeniedPersonsListReader.ContentKey("OLAF TESTMANN", "1 TEST ROAD", "TESTVILLE", null, "01/02/2020"),
            DeniedPersonsListReader.ContentKey("OLAF TESTMANN", "2 TEST ROAD", "TESTVILLE", null, "01/02/2020"));
    }

    [Fact]
    public void Read_MissingColumn_FailsNamingIt()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("dpl", "missingcolumn"));

        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Error, "us_bis_dpl/missingcolumn/dpl.txt", 1, "Last_Update", "the header has no such column"), error);
    }

    [Fact]
    public void Read_UnterminatedQuote_FailsWithLine()
    {
        var error = ListFolders.SingleError(_reader, Source, ListFolders.Fixture("dpl", "unterminated"));

        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Error, "us_bis_dpl/unterminated/dpl.txt", 2, null, "a quoted field is never closed"), error);
    }

    [Fact]
    public void Read_BadDatesAndRepeatedRow_WarnAndKeepRecords()
    {
        var result = ListFolders.Read(_reader, Source, ListFolders.Fixture("dpl", "baddate"));

        Assert.True(result.Succeeded);
        const string File = "us_bis_dpl/baddate/dpl.txt";
        var key = DeniedPersonsListReader.ContentKey("OLAF TESTMANN", "1 TEST ROAD", "TESTVILLE", null, "13/02/2020");
        Assert.Equal(
            [
                new ListDiagnostic(DiagnosticSeverity.Warning, File, 2, "Effective_Date", "'13/02/2020' is not a date (mm/dd/yyyy)"),
                new ListDiagnostic(DiagnosticSeverity.Warning, File, 3, "Name", $"repeated key '{key}'; the record is kept apart as '{key}#2'"),
                new ListDiagnostic(DiagnosticSeverity.Warning, File, 3, "Effective_Date", "'13/02/2020' is not a date (mm/dd/yyyy)"),
                new ListDiagnostic(DiagnosticSeverity.Warning, File, 3, "Last_Update", "3020-01-03 is after the list's date 2020-01-01; it is ignored as a typing error"),
            ],
            result.Diagnostics);
        Assert.Equal("OLAF  TESTMANN", result.Snapshot!.Entries[0].Name);
        Assert.Null(result.Snapshot.Entries[0].ListedOn);
        Assert.Null(result.Snapshot.Entries[1].LastUpdated);
    }
}
