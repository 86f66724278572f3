using Chokepoint.Core;
using Chokepoint.Lists.Ofac;

namespace Chokepoint.Lists.Tests.Ofac;

public sealed class OfacCsvListReaderTests
{
    private static readonly DateOnly FolderDate = new(2021, 7, 7);

    private static readonly Lazy<ListSnapshot> Sdn20210707 = new(() => ReadStaged(OfacSources.Sdn, "2021-07-07"));

    private static ListSnapshot ReadStaged(string source, string date)
    {
        var folder = new DirectoryInfo(Path.Combine(TestPaths.Lists, source, date));
        var result = new OfacCsvListReader().Read(source, folder, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Snapshot!;
    }

    private static ListReadResult ReadFixture(string name) =>
        new OfacCsvListReader().Read(OfacSources.Sdn, Fixture(name), FolderDate, TestContext.Current.CancellationToken);

    private static DirectoryInfo Fixture(string name) =>
        new(TestPaths.InRepo("tests", "Chokepoint.Lists.Tests", "Fixtures", "ofac", name));

    private static ListEntry Entry(ListSnapshot snapshot, string key) =>
        Assert.Single(snapshot.Entries, e => e.Id.Key == key);

    [Fact]
    public void Read_Sdn20210707_CountsMatchThePublishedFile()
    {
        var snapshot = Sdn20210707.Value;

        OfacAssert.SchemaCounts(snapshot, person: 4620, organization: 3673, vessel: 406, aircraft: 277);
        Assert.Equal(8976, snapshot.Entries.Count);
        // alt.csv has 11,910 rows; six repeat the primary name or another alias of the same entry and are dropped.
        Assert.Equal(11904, snapshot.Entries.Sum(e => e.Aliases.Count(a => a.Quality == AliasQuality.Strong)));
        Assert.Equal(FolderDate, snapshot.PublicationDate);
        Assert.Equal(4, snapshot.Files.Count);
        Assert.Empty(snapshot.Warnings);
    }

    [Fact]
    public void Read_Sdn20210707_IndividualFieldsComeFromRemarks()
    {
        var e = Entry(Sdn20210707.Value, "10481");

        Assert.Equal("us_ofac_sdn:10481", e.Id.ToString());
        Assert.Equal("SOLEIMANI, Qasem", e.Name);
        Assert.Equal(EntitySchema.Person, e.Schema);
        Assert.Equal(["SDGT", "SYRIA", "NPWMD", "IRGC", "IFSR"], e.Programs);
        Assert.Equal([BirthDate.FromParts(1957, 3, 11)], e.BirthDates);
        Assert.Equal(["Qom, Iran"], e.BirthPlaces);
        Assert.Equal(["IR"], e.Nationalities);
        Assert.Equal(["IR"], e.Citizenships);
        Assert.Contains(new Identifier(IdentifierType.Passport, "008827", "IR", "Diplomatic Passport"), e.Identifiers);
        Assert.Contains(new Alias("SOLEYMANI, Ghasem", AliasKind.Aka, AliasQuality.Strong), e.Aliases);
        Assert.Equal("Subject to Secondary Sanctions", e.Details["Additional Sanctions Information"]);
        Assert.StartsWith("DOB 11 Mar 1957; POB Qom, Iran;", e.Remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Sdn20210707_VesselCarriesImoCallSignAndFlag()
    {
        var e = Entry(Sdn20210707.Value, "15036");

        Assert.Equal(EntitySchema.Vessel, e.Schema);
        Assert.Contains(new Identifier(IdentifierType.CallSign, "T2EU4", Note: "Call Sign"), e.Identifiers);
        Assert.Contains(e.Identifiers, i => i is { Type: IdentifierType.Imo, Value: "9187629" });
        Assert.Contains(e.Identifiers, i => i is { Type: IdentifierType.Mmsi, Value: "572469210" });
        Assert.Equal("Iran", e.Details[OfacDetails.VesselFlag]);
        Assert.Equal("Crude/Oil Products Tanker", e.Details[OfacDetails.VesselType]);
        Assert.Equal("99,144", e.Details[OfacDetails.Tonnage]);
        Assert.Contains("IR", e.Countries);
        Assert.Contains(new Alias("ABADAN", AliasKind.Fka, AliasQuality.Strong), e.Aliases);
        Assert.Contains(new Alias("ALPHA", AliasKind.Fka, AliasQuality.Weak), e.Aliases);
        Assert.Equal(["us_ofac_sdn:15117"], e.LinkedTo);
    }

    [Fact]
    public void Read_Sdn20210707_DigitalCurrencyAddressNamesTheCurrency()
    {
        var e = Entry(Sdn20210707.Value, "25308");

        Assert.Contains(new Identifier(IdentifierType.CryptoAddress, "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", Note: "XBT"), e.Identifiers);
        Assert.Equal("Male", e.Gender);
        Assert.Equal(["CN"], e.Citizenships);
    }

    [Fact]
    public void Read_Sdn20210707_CommentContinuationIsAppendedAndParsed()
    {
        var e = Entry(Sdn20210707.Value, "28264");

        Assert.EndsWith("Linked To: LAZARUS GROUP.", e.Remarks, StringComparison.Ordinal);
        Assert.Contains("; Phone Number 8613314257947;", e.Remarks, StringComparison.Ordinal);
        Assert.Contains(new Identifier(IdentifierType.Phone, "8613314257947", Note: "Phone Number"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.NationalId, "210302198701102136", "CN", "Identification Number"), e.Identifiers);
        Assert.Contains(new Alias("khaleesi", AliasKind.Aka, AliasQuality.Weak), e.Aliases);
        Assert.Equal(["us_ofac_sdn:27307"], e.LinkedTo);
    }

    [Fact]
    public void Read_Sdn20210707_AddressIsSplitAndCountryResolved()
    {
        var e = Entry(Sdn20210707.Value, "173");

        var address = Assert.Single(e.Addresses);
        Assert.Equal(new Address("Ibex House, The Minories", "London", null, "EC3N 1DY", "GB", "Ibex House, The Minories, London EC3N 1DY, United Kingdom"), address);
        Assert.Equal(["GB"], e.Countries);
    }

    [Fact]
    public void Read_Sdn20210707_AircraftDetailsAndSerials()
    {
        var e = Entry(Sdn20210707.Value, "15431");

        Assert.Equal(EntitySchema.Aircraft, e.Schema);
        Assert.Equal("IL76-TD", e.Details["Aircraft Model"]);
        Assert.Equal("YAS AIR", e.Details["Aircraft Operator"]);
        Assert.Contains(e.Identifiers, i => i is { Type: IdentifierType.AircraftId, Value: "1023409321" });
    }

    [Fact]
    public void Read_Cons20251219_ReadsEveryPrimaryRow()
    {
        var snapshot = ReadStaged(OfacSources.Consolidated, "2025-12-19");

        OfacAssert.SchemaCounts(snapshot, person: 79, organization: 363, vessel: 0, aircraft: 0);
        Assert.Equal(442, snapshot.Entries.Count);
        // cons_alt.csv has 1,073 rows; two repeat a name already on the entry.
        Assert.Equal(1071, snapshot.Entries.Sum(e => e.Aliases.Count(a => a.Quality == AliasQuality.Strong)));
        var e = Entry(snapshot, "9639");
        Assert.Equal("HANIYA, Ismail Abdul Salah", e.Name);
        Assert.Equal([BirthDate.FromParts(1962)], e.BirthDates);
        Assert.Equal(["NS-PLC"], e.Programs);
        Assert.Equal("us_ofac_cons", e.Provenance.Source);
        Assert.Equal("cons_prim.csv", e.Provenance.File);
    }

    [Fact]
    public void Read_Sdn20210425_MissingCommentsFileIsAWarning()
    {
        var folder = new DirectoryInfo(Path.Combine(TestPaths.Lists, "us_ofac_sdn", "2021-04-25"));
        var result = new OfacCsvListReader().Read(OfacSources.Sdn, folder, new DateOnly(2021, 4, 25), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(8890, result.Snapshot!.Entries.Count);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "us_ofac_sdn/2021-04-25/sdn_comments.csv", 0), (warning.Severity, warning.File, warning.Line));
    }

    [Fact]
    public void Read_SyntheticRemarks_EveryFormIsParsed()
    {
        var result = ReadFixture("remarks");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        var snapshot = result.Snapshot!;

        var person = Entry(snapshot, "10");
        Assert.Equal(
            [BirthDate.FromParts(1964, 5, 13), BirthDate.FromParts(1960), BirthDate.FromParts(1955, 1), BirthDate.FromYearRange(1958, 1962)],
            person.BirthDates);
        Assert.Equal(["Tabriz, Iran"], person.BirthPlaces);
        Assert.Equal(["IR"], person.Nationalities);
        Assert.Equal(["IQ"], person.Citizenships);
        Assert.Contains(new Identifier(IdentifierType.Passport, "A1234567", "IR", "Passport"), person.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.NationalId, "123-456-789", "IR", "National ID No."), person.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Email, "reza@example.test", Note: "Email Address"), person.Identifiers);
        Assert.Equal(
            [new Alias("KARIMI, Reza Ali", AliasKind.Fka, AliasQuality.Strong), new Alias("THE ENGINEER", AliasKind.Aka, AliasQuality.Weak)],
            person.Aliases);
        Assert.Equal(["us_ofac_sdn:11"], person.LinkedTo);

        var company = Entry(snapshot, "11");
        Assert.Equal(EntitySchema.Organization, company.Schema);
        Assert.Contains(new Identifier(IdentifierType.TaxNumber, "9988776655", "RU", "Tax ID No."), company.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.RegistrationNumber, "1027700000000", "RU", "Registration Number"), company.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Website, "www.example.test", Note: "Website"), company.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.SwiftBic, "EXAMIRTH", Note: "SWIFT/BIC"), company.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.CryptoAddress, "1ExampleAddress", Note: "XBT"), company.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Phone, "98215550100", Note: "Telephone"), company.Identifiers);
        Assert.Equal("2001", company.Details["Organization Established Date"]);
        Assert.Equal("Subject to Secondary Sanctions", company.Details["Additional Sanctions Information"]);
        Assert.EndsWith("Secondary Sanctions; Unknown Text Stays Only In Remarks; Telephone 98215550100.", company.Remarks, StringComparison.Ordinal);
        Assert.Equal(new Address("12 Example Street, Suite 4", "Tehran", null, "1234567", "IR", "12 Example Street, Suite 4, Tehran 1234567, Iran"), Assert.Single(company.Addresses));

        var vessel = Entry(snapshot, "12");
        Assert.Contains(new Identifier(IdentifierType.Imo, "9999999", Note: "Vessel Registration Identification"), vessel.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Mmsi, "123456789", Note: "MMSI"), vessel.Identifiers);
        Assert.Equal(["PA", "MT"], vessel.Countries);
        Assert.Equal("EXAMPLE TRADING CO., LTD.", vessel.Details[OfacDetails.VesselOwner]);
        Assert.Equal("Tuvalu", vessel.Details["Former Vessel Flag"]);
    }

    [Theory]
    [InlineData("truncated", "sdn.csv", 2, "Title")]
    [InlineData("wrong_columns", "sdn.csv", 1, "Remarks")]
    [InlineData("bad_ent_num", "sdn.csv", 2, "ent_num")]
    [InlineData("unterminated_quote", "sdn.csv", 2, "Remarks")]
    [InlineData("alt_without_primary", "alt.csv", 0, null)]
    [InlineData("html_page", "sdn.csv", 1, null)]
    [InlineData("empty_file", "sdn.csv", 0, null)]
    [InlineData("utf16_file", "sdn.csv", 1, null)]
    public void Read_BrokenFixture_FailsWithLocatedError(string fixture, string file, int line, string? field)
    {
        var result = ReadFixture(fixture);

        Assert.False(result.Succeeded);
        Assert.Null(result.Snapshot);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(($"us_ofac_sdn/{fixture}/{file}", line, field), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void Read_BrokenFixture_MessagesSayWhatIsWrong()
    {
        Assert.Equal("us_ofac_sdn/truncated/sdn.csv:2: error: field 'Title': expected 12 columns, found 4 (truncated or malformed row)",
            ReadFixture("truncated").Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error).ToString());
        Assert.Equal("us_ofac_sdn/bad_ent_num/sdn.csv:2: error: field 'ent_num': 'X12' is not a positive whole number",
            ReadFixture("bad_ent_num").Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error).ToString());
        Assert.Equal("us_ofac_sdn/alt_without_primary/alt.csv: error: alt.csv has no primary file sdn.csv beside it",
            ReadFixture("alt_without_primary").Diagnostics.Single().ToString());
        Assert.Contains("HTML page", ReadFixture("html_page").Diagnostics.Single().Message, StringComparison.Ordinal);
        Assert.Equal("the file is empty", ReadFixture("empty_file").Diagnostics.Single().Message);
    }

    [Fact]
    public void Read_DuplicateEntNum_KeepsBothWithWarning()
    {
        var result = ReadFixture("duplicate_key");

        Assert.True(result.Succeeded);
        Assert.Equal(["7", "7#2"], result.Snapshot!.Entries.Select(e => e.Id.Key));
        Assert.Equal("SECOND HOLDING CO.", result.Snapshot.Entries[1].Name);
        var repeat = Assert.Single(result.Diagnostics, d => d.Field == "ent_num");
        Assert.Equal((DiagnosticSeverity.Warning, "us_ofac_sdn/duplicate_key/sdn.csv", 2), (repeat.Severity, repeat.File, repeat.Line));
        Assert.Equal(
            ["us_ofac_sdn/duplicate_key/sdn_comments.csv", "us_ofac_sdn/duplicate_key/alt.csv", "us_ofac_sdn/duplicate_key/add.csv"],
            result.Diagnostics.Where(d => d.Field is null).Select(d => d.File));
    }

    [Fact]
    public void Read_CompanionRowWithoutPrimary_IsWarnedAndSkipped()
    {
        var result = ReadFixture("orphan_companion");

        Assert.True(result.Succeeded);
        var entry = Assert.Single(result.Snapshot!.Entries);
        Assert.Equal([new Alias("DOE, Johnny", AliasKind.Aka, AliasQuality.Strong)], entry.Aliases);
        var orphan = Assert.Single(result.Diagnostics, d => d.Line > 0);
        Assert.Equal((DiagnosticSeverity.Warning, "us_ofac_sdn/orphan_companion/alt.csv", 2, "ent_num"), (orphan.Severity, orphan.File, orphan.Line, orphan.Field));
    }

    [Fact]
    public void Read_Utf8InsteadOfWindows1252_ReadsUtf8WithWarning()
    {
        var result = ReadFixture("wrong_encoding");

        Assert.True(result.Succeeded);
        Assert.Equal("PÉREZ, José", Assert.Single(result.Snapshot!.Entries).Name);
        var warning = Assert.Single(result.Diagnostics, d => d.Line > 0);
        Assert.Equal((DiagnosticSeverity.Warning, "us_ofac_sdn/wrong_encoding/sdn.csv", 1, "SDN_Name"), (warning.Severity, warning.File, warning.Line, warning.Field));
    }

    [Fact]
    public void Read_Windows1252Bytes_DecodesAccents()
    {
        var result = ReadFixture("windows1252");

        Assert.True(result.Succeeded);
        Assert.Equal("PÉREZ, José", Assert.Single(result.Snapshot!.Entries).Name);
        Assert.DoesNotContain(result.Diagnostics, d => d.Line > 0);
    }

    [Fact]
    public void CanRead_FolderWithCsvSet_IsTrueOnlyForOfacSources()
    {
        var reader = new OfacCsvListReader();
        var folder = new DirectoryInfo(Path.Combine(TestPaths.Lists, "us_ofac_sdn", "2021-07-07"));

        Assert.True(reader.CanRead(OfacSources.Sdn, folder));
        Assert.False(reader.CanRead("un_sc_consolidated", folder));
        Assert.False(reader.CanRead(OfacSources.Consolidated, new DirectoryInfo(Path.Combine(TestPaths.Lists, "us_ofac_cons", "2025-01-10"))));
    }
}
