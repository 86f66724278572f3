using Chokepoint.Core;
using Chokepoint.Lists.OpenSanctions;

namespace Chokepoint.Lists.Tests.OpenSanctions;

public sealed class FollowTheMoneyListReaderTests
{
    private readonly FollowTheMoneyListReader _reader = new();

    [Fact]
    public void Read_SaudiPeps_UsesIndexDateAndVerifiesChecksum()
    {
        const string Source = "opensanctions_sa_wiki_peps_ftm";
        var snapshot = ListFolders.ReadOk(_reader, Source, ListFolders.Staged(Source, "2024-03-11"));

        Assert.Equal(576, snapshot.Entries.Count);
        Assert.All(snapshot.Entries, e => Assert.Equal(EntitySchema.Person, e.Schema));
        Assert.Equal(new DateOnly(2024, 3, 11), snapshot.PublicationDate);
        Assert.Equal(["entities.ftm.json", "index.json"], snapshot.Files.Select(f => f.Name));
        var e = ListFolders.Entry(snapshot, "Q100442103");
        Assert.Equal("Mesaad Ibrahim AlSulaim", e.Name);
        Assert.Equal([BirthDate.FromParts(1963, 1, 1)], e.BirthDates);
        Assert.Equal(["SA"], e.Nationalities);
        Assert.Equal(["Unaizah"], e.BirthPlaces);
        Assert.Equal("Male", e.Gender);
        Assert.Contains("Saudi ambassador to Fiji", e.Titles);
    }

    [Fact]
    public void Read_SanctionsSample_FoldsSanctionsAddressesAndLinks()
    {
        const string Source = "opensanctions_sanctions_ftm_sample";
        var snapshot = ListFolders.ReadOk(_reader, Source, ListFolders.Staged(Source, "2026-04-29"));

        Assert.Equal(17, snapshot.Entries.Count);
        var e = ListFolders.Entry(snapshot, "NK-aU5ybkbRFJucf8YMwsJvDw");
        Assert.Equal(EntitySchema.Person, e.Schema);
        Assert.Equal("Aleksandr Vyacheslavovich Zakharov", e.Name);
        Assert.Equal([BirthDate.FromParts(1965, 9, 21)], e.BirthDates);
        Assert.Equal(["RU"], e.Nationalities);
        Assert.Equal(["RU"], e.Citizenships);
        Assert.Contains(new Alias("Александр Вячеславович Захаров", AliasKind.Aka, AliasQuality.Unknown, "Cyrl"), e.Aliases);
        Assert.Contains(new Identifier(IdentifierType.TaxNumber, "183111242406", null, "INN"), e.Identifiers);
        Assert.Equal(
            new Address("272 Pushkinskaya Street, Apt 41", "Izhevsk", null, "426008", "RU", "272 Pushkinskaya Street, Apt 41, Izhevsk, 426008"),
            e.Addresses[0]);
        Assert.Equal("IZHEVSK, 426008", e.Addresses[1].Full);
        Assert.Equal(["UA-SA1644", "US-RUSHAR", "NZ-RSA2022", "SECO-UKRAINE", "GB-RUS", "EU-UKR", "Reciprocal"], e.Programs);
        Assert.Equal(new DateOnly(2023, 7, 1), e.ListedOn);
        Assert.Contains("NK-abdzbEBkqyT29GyREbiURZ", e.LinkedTo);
        Assert.Equal("Owner of LLC CST", e.Titles[1]);
        Assert.Equal("debarment, corp.disqual, sanction", e.Details["topics"]);
        Assert.Equal(new DateOnly(2026, 4, 24), e.LastUpdated);
        Assert.StartsWith("gb_coh_disqualified, mc_fund_freezes", e.Provenance.SubList, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RelationshipEntities_AreFoldedNotEmitted()
    {
        const string Source = "opensanctions_sanctions_ftm_sample";
        var result = ListFolders.Read(_reader, Source, ListFolders.Fixture("opensanctions", "ftm-folds"));

        Assert.True(result.Succeeded);
        Assert.Equal(["xx-co", "xx-p", "xx-p#2"], result.Snapshot!.Entries.Select(e => e.Id.Key));
        var company = result.Snapshot.Entries[0];
        Assert.Equal(EntitySchema.Organization, company.Schema);
        Assert.Equal(
            [
                new Alias("ООО Пример", AliasKind.Aka, AliasQuality.Unknown, "Cyrl"),
                new Alias("Old Example LLC", AliasKind.Fka),
                new Alias("EXT", AliasKind.Aka, AliasQuality.Weak),
            ],
            company.Aliases);
        Assert.Equal(["Testland Regulations"], company.Programs);
        Assert.Equal(new DateOnly(2021, 3, 4), company.ListedOn);
        Assert.Equal(["RU"], company.Countries);
        Assert.Equal([new Address("1 Test Street", "Testville", null, null, "RU", "1 Test Street, Testville")], company.Addresses);
        Assert.Equal(["xx-p"], company.LinkedTo);
        var person = result.Snapshot.Entries[1];
        Assert.Equal([new Identifier(IdentifierType.Passport, "P1234567", "RU")], person.Identifiers);
        Assert.Equal([BirthDate.FromParts(1970)], person.BirthDates);
        Assert.Equal("false", person.Details["target"]);
        const string File = "opensanctions_sanctions_ftm_sample/ftm-folds/entities.ftm.json";
        Assert.Equal(
            [
                new ListDiagnostic(DiagnosticSeverity.Warning, File, 6, "birthDate", "entity xx-p: '1970-02-30' is not a date"),
                new ListDiagnostic(DiagnosticSeverity.Warning, File, 7, "id", "repeated key 'xx-p'; the record is kept apart as 'xx-p#2'"),
            ],
            result.Diagnostics);
    }

    [Fact]
    public void Read_MalformedLine_FailsWithLineNumber()
    {
        var error = ListFolders.SingleError(_reader, "opensanctions_sanctions_ftm_sample", ListFolders.Fixture("opensanctions", "ftm-badline"));

        Assert.Equal("opensanctions_sanctions_ftm_sample/ftm-badline/entities.ftm.json", error.File);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("malformed JSON (position ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ChecksumMismatch_Fails()
    {
        var error = ListFolders.SingleError(_reader, "opensanctions_sanctions_ftm_sample", ListFolders.Fixture("opensanctions", "ftm-checksum"));

        // sha1sum of the fixture file.
        const string Actual = "d53b8c8e636e49171cfde2b67cb159dfbe6dcd77";
        Assert.Equal(new ListDiagnostic(DiagnosticSeverity.Error, "opensanctions_sanctions_ftm_sample/ftm-checksum/entities.ftm.json", 0, "checksum",
            $"the SHA-1 of entities.ftm.json is {Actual}, but index.json lists 0000000000000000000000000000000000000000"), error);
    }
}
