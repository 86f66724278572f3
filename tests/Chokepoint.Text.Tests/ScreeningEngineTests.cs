using Chokepoint.Core;

namespace Chokepoint.Text.Tests;

public sealed class ScreeningEngineTests
{
    private static readonly Provenance Source = new("test_list", "test.csv", new DateOnly(2025, 1, 1));

    private static ListEntry Person(string key, string name, int? born = null, params string[] aliases) => new()
    {
        Id = new EntityId("test_list", key),
        Schema = EntitySchema.Person,
        Name = name,
        Aliases = [.. aliases.Select(a => new Alias(a, AliasKind.Aka))],
        BirthDates = born is { } y ? [BirthDate.FromParts(y)] : [],
        Provenance = Source,
    };

    private static ListEntry Organization(string key, string name, params Identifier[] identifiers) => new()
    {
        Id = new EntityId("test_list", key),
        Schema = EntitySchema.Organization,
        Name = name,
        Identifiers = identifiers,
        Provenance = Source,
    };

    private static readonly ScreeningEngine Engine = ScreeningEngine.Build(
    [
        Person("1", "Aleksandr Vladimirovich GUTSAN", 1960),
        Person("2", "Yevgeniy Viktorovich PRIGOZHIN", 1961),
        Person("3", "Abdul Rahman Muhammad AL-TIKRITI", 1955, "Abd al-Rahman al-Tikriti"),
        Person("4", "Ivan Ivanovich PETROV", 1970),
        Person("5", "Sergei Petrovich SMIRNOV", 1980),
        Person("6", "Galina Petrovna KHOVANSKAYA", 1943),
        Organization("7", "LIMITED LIABILITY COMPANY STAN", new Identifier(IdentifierType.RegistrationNumber, "1027700132195")),
        Organization("8", "WINDHAM COMMERCIAL GROUP INC"),
        Organization("9", "AVANGARD JSC"),
        new ListEntry { Id = new EntityId("test_list", "10"), Schema = EntitySchema.Vessel, Name = "PETROV", Provenance = Source },
    ]);

    [Theory]
    [InlineData("ГУЦАН Александр Владимирович", "1")]
    [InlineData("Jewgeni Prigoschin", "2")]
    [InlineData("Abdulrahman Mohamed al Tikriti", "3")]
    [InlineData("XOVANSKAJA GALINA PETROVNA", "6")]
    [InlineData("STAN OOO", "7")]
    [InlineData("WINDHAM COMMERRCIAL GTOUP INC.", "8")]
    [InlineData("ОАО Авангард", "9")]
    [InlineData("PETROV, Ivan", "4")]
    [InlineData("Y. PRIGOZHIN", "2")]
    public void Screen_ListedPartyUnderVariation_Alerts(string name, string expectedKey)
    {
        var result = Engine.Screen(new PartyQuery { Name = name });
        Assert.True(result.Alert, name);
        Assert.Equal(new EntityId("test_list", expectedKey), result.Matches[0].EntityId);
        Assert.InRange(result.Matches[0].Score, result.Threshold, 1.0);
    }

    [Theory]
    [InlineData("Mikhail Sergeevich GORBACHEV")]
    [InlineData("Ivan Ivanovich KUZNETSOV")]
    [InlineData("Laurent SCS")]
    public void Screen_UnlistedParty_DoesNotAlert(string name) =>
        Assert.False(Engine.Screen(new PartyQuery { Name = name }).Alert);

    [Fact]
    public void Screen_MatchingBirthYear_RaisesScore()
    {
        var plain = Engine.Screen(new PartyQuery { Name = "Ivan PETROV" }).Matches[0];
        var same = Engine.Screen(new PartyQuery { Name = "Ivan PETROV", BirthDate = BirthDate.FromParts(1970) }).Matches[0];
        var other = Engine.Screen(new PartyQuery { Name = "Ivan PETROV", BirthDate = BirthDate.FromParts(1990) }).Matches[0];
        Assert.True(same.Score > plain.Score);
        Assert.True(other.Score < plain.Score);
        Assert.Contains(same.Explanation.Evidence, e => e is { Kind: "birthDate", Outcome: "match" });
        Assert.Contains(other.Explanation.Evidence, e => e is { Kind: "birthDate", Outcome: "mismatch" });
    }

    [Fact]
    public void Screen_PersonAgainstVessel_LowersScore()
    {
        var result = Engine.Screen(new PartyQuery { Name = "PETROV", Schema = EntitySchema.Person }, new ScreeningOptions { Top = 10, MinScore = 0 });
        var vessel = Assert.Single(result.Matches, m => m.EntityId.Key == "10");
        Assert.Contains(vessel.Explanation.Evidence, e => e is { Kind: "schema", Outcome: "mismatch" });
        Assert.True(vessel.Score < vessel.Explanation.NameScore);
    }

    [Fact]
    public void Screen_ExactIdentifier_IsDecisive()
    {
        var query = new PartyQuery { Name = "Completely Different Name", Identifiers = [new Identifier(IdentifierType.RegistrationNumber, "1027-7001-32195")] };
        var result = Engine.Screen(query);
        Assert.True(result.Alert);
        Assert.Equal("7", result.Matches[0].EntityId.Key);
        Assert.Contains(result.Matches[0].Explanation.Evidence, e => e is { Kind: "identifier", Outcome: "decisive" });
    }

    [Theory]
    [InlineData("", "name is empty")]
    [InlineData("   ", "name is empty")]
    [InlineData("\u0001\u0002", "name has no letters or digits")]
    public void Screen_BadName_ReturnsError(string name, string error)
    {
        var result = Engine.Screen(new PartyQuery { Id = "q1", Name = name });
        Assert.Equal(error, result.Error);
        Assert.Equal("q1", result.QueryId);
        Assert.Empty(result.Matches);
    }

    [Fact]
    public void Screen_TenThousandCharacters_ReturnsErrorNamingTheLimit()
    {
        var result = Engine.Screen(new PartyQuery { Name = new string('a', 10_000) });
        Assert.Equal("name is 10000 characters long; the limit is 1000", result.Error);
    }

    [Fact]
    public void Screen_OrganisationWithoutTheListedDescriptiveWords_AlertsWhereAPersonWouldNot()
    {
        // A customer writes the distinctive part of a listed company's name; a person missing as many listed names is
        // someone else.
        var engine = ScreeningEngine.Build(
        [
            Organization("org", "CRIMEAN REPUBLICAN ENTERPRISE AZOVSKY LIKEROVODOCHNY ZAVOD"),
            Person("person", "Rustam Ilgizovich Azovsky LIKEROVODOCHNY"),
            Organization("filler1", "AZOV SEA SHIPPING"),
            Organization("filler2", "REPUBLICAN TRADING ENTERPRISE"),
        ]);
        var company = engine.Screen(new PartyQuery { Name = "AZOVSKY LIKEROVODOCHNY ZAVOD", Schema = EntitySchema.Organization });
        Assert.True(company.Alert);
        Assert.Equal(new EntityId("test_list", "org"), company.Matches[0].EntityId);

        var person = engine.Screen(new PartyQuery { Name = "Azovsky LIKEROVODOCHNY", Schema = EntitySchema.Person });
        Assert.Equal(new EntityId("test_list", "person"), person.Matches[0].EntityId);
        Assert.False(person.Alert);
    }

    // Forty organisations that share the word PARTNERS and the last word, each with a rare word of its own.
    private static IEnumerable<ListEntry> PartnersCrowd(string last) =>
        Enumerable.Range(0, 40).Select(i => Organization("f" + i, $"PARTNERS {(char)('A' + (i % 26))}{i} {last}"));

    [Fact]
    public void Screen_FourLetterTokenOneLetterShortOfTheListedOne_IsACandidate()
    {
        // Forty names share the common word; only the rare word's deletion neighbourhood reaches the listed name.
        var entries = PartnersCrowd("HOLDING")
            .Append(Organization("efbet", "EFBET PARTNERS OOD"))
            .ToList();
        var engine = ScreeningEngine.Build(entries, new MatcherOptions { MaxCandidates = 5 });
        var result = engine.Screen(new PartyQuery { Name = "EBET PARTNERS OOD" });
        Assert.Equal(new EntityId("test_list", "efbet"), result.Matches[0].EntityId);
    }

    [Theory]
    [InlineData("PARTNERS MONTGOMEY OOD", "MONTGOMERY PARTNERS OOD")] // listed key one letter longer
    [InlineData("PARTNERS MONTGOMERKY OOD", "MONTGOMERY PARTNERS OOD")] // listed key one letter shorter
    [InlineData("PARTNERS MONTGOMEPY OOD", "MONTGOMERY PARTNERS OOD")] // a letter replaced: same length
    [InlineData("PARTNERS MONTGOMERY OOD", "MONTGOMEPY PARTNERS OOD")] // the query's key is listed too, beside its neighbour
    public void Screen_RareWordOneEditFromTheListedOne_IsACandidate(string query, string listed)
    {
        // Forty names share the common words and one holds the query's own key exactly in a weaker name; only the rare
        // word's deletion neighbourhood reaches the listed name.
        var entries = PartnersCrowd("OOD")
            .Append(Organization("own", "MONTGOMERY CAPITAL MANAGEMENT INTERNATIONAL RESOURCES"))
            .Append(Organization("target", listed))
            .ToList();
        var engine = ScreeningEngine.Build(entries, new MatcherOptions { MaxCandidates = 3 });
        var result = engine.Screen(new PartyQuery { Name = query });
        Assert.Equal(new EntityId("test_list", "target"), result.Matches[0].EntityId);
    }

    [Fact]
    public void EvidenceMark_HoldsEveryWordAndRunId()
    {
        // Word indexes run below MaxTokens and run ids (acronyms, Hong Kong) below twice that: all fit the mark's low bits.
        Assert.True(2 * NameForm.MaxTokens <= 1 << ScreeningEngine.TokenBits);
    }

    [Fact]
    public void Screen_AcrossTheWrapOfQueryStamps_ForgetsEarlierQueries()
    {
        // Marks hold only the stamp's low bits: without a fresh start at the wrap, a name hit by an earlier query would
        // look already hit by a later one and never become its candidate.
        var entries = PartnersCrowd("OOD")
            .Append(Organization("target", "MONTGOMERY PARTNERS OOD"))
            .ToList();
        var engine = ScreeningEngine.Build(entries, new MatcherOptions { MaxCandidates = 3 });
        var query = new PartyQuery { Name = "PARTNERS MONTGOMERY OOD" };
        var expected = engine.Screen(query).Matches.Select(m => (m.EntityId, m.Score)).ToList();

        Assert.NotEmpty(expected);

        // A query that meets none of these names takes the last stamp; the same query then runs again after the wrap.
        engine.SetThreadStamp(ScreeningEngine.MaxStamp);
        Assert.Empty(engine.Screen(new PartyQuery { Name = "ZEBRA" }).Matches);
        Assert.Equal(expected, engine.Screen(query).Matches.Select(m => (m.EntityId, m.Score)).ToList());
    }

    [Fact]
    public void Screen_WordsSpellingAListedAcronym_FindTheAcronym()
    {
        // Forty names share the spelt-out words and forty the last one; the acronym must lift its name above them.
        var entries = Enumerable.Range(0, 40).Select(i => Organization("f" + i, $"AKTSIONERNAYA FINANSOVAYA KORPORATSIYA {(char)('A' + (i % 26))}{i}"))
            .Concat(Enumerable.Range(0, 40).Select(i => Organization("s" + i, $"SISTEMA {(char)('A' + (i % 26))}{(char)('A' + (i / 26))}Q")))
            .Append(Organization("afk", "AFK SISTEMA"))
            .ToList();
        var engine = ScreeningEngine.Build(entries, new MatcherOptions { MaxCandidates = 5 });
        var result = engine.Screen(new PartyQuery { Name = "Aktsionernaya Finansovaya Korporatsiya Sistema", Schema = EntitySchema.Organization });
        Assert.Equal(new EntityId("test_list", "afk"), result.Matches[0].EntityId);
        Assert.True(result.Alert);
    }

    [Fact]
    public void Screen_QueryWhoseInitialsAreAListedAcronym_KeepsTheNameListedWithoutIt()
    {
        // The acronym adds to the words' hits on one entity's name; another entity listed under the words alone, with a
        // misspelt word that the index does not reach, must stay a candidate.
        var entries = Enumerable.Range(0, 30).Select(i => Organization("f" + i, i < 3 ? $"DEFENSE INDUSTRIES {(char)('A' + i)}{i} TRADING" : $"ALPHA {(char)('A' + (i % 26))}{i} TRADING"))
            .Append(Organization("acronym", "DEFENSE INDUSTRIES ORGANIZATION (DIO)"))
            .Append(Organization("words", "DEFENSE INDUSTRIES ORGANIZATION"))
            .ToList();
        var engine = ScreeningEngine.Build(entries);
        var result = engine.Screen(new PartyQuery { Name = "DEFENSE INDUSTRIES ORGANNIZAION" });
        Assert.True(result.Matches.Any(m => m.EntityId == new EntityId("test_list", "words") && m.Score >= result.Threshold), string.Join("; ", result.Matches.Select(m => $"{m.EntityId} {m.Score}")));
    }

    [Fact]
    public void Screen_PersianGhForArabicQ_IsACandidate()
    {
        // Forty people share the common given name; only the surname's other first letter reaches the listed Qasim.
        var entries = Enumerable.Range(0, 40).Select(i => Person("f" + i, $"Mohammed {(char)('A' + (i % 26))}{(char)('A' + (i / 26))}BARI"))
            .Append(Person("qasim", "QASIM, Mohammed"))
            .ToList();
        var engine = ScreeningEngine.Build(entries, new MatcherOptions { MaxCandidates = 5 });
        var result = engine.Screen(new PartyQuery { Name = "Ghasem, Mohamed", Schema = EntitySchema.Person });
        Assert.Equal(new EntityId("test_list", "qasim"), result.Matches[0].EntityId);
        Assert.True(result.Alert);
    }

    [Fact]
    public void Screen_QueryHoldingTheWholeListedName_CostsItsExtraWordsLess()
    {
        // A customer writes a listed person's name with one more given name; a listed Abd-name (one name in two words)
        // held in a longer query is not the same kind of evidence.
        var entries = Enumerable.Range(0, 40).Select(i => Person("f" + i, $"{(char)('A' + (i % 26))}{(char)('A' + (i / 26))}DAR, Ahmad"))
            .Append(Person("dellosa", "DELLOSA, Ahmad"))
            .Append(Person("karim", "Abdul KARIM"))
            .Concat(Enumerable.Range(0, 40).Select(i => Person("k" + i, $"Abdul {(char)('A' + (i % 26))}{(char)('A' + (i / 26))}MAN")))
            .ToList();
        var engine = ScreeningEngine.Build(entries);

        var extraName = engine.Screen(new PartyQuery { Name = "DELLOSA, Habil Akmad", Schema = EntitySchema.Person });
        Assert.Equal(new EntityId("test_list", "dellosa"), extraName.Matches[0].EntityId);
        Assert.True(extraName.Alert, $"score {extraName.Matches[0].Score}");

        var longer = engine.Screen(new PartyQuery { Name = "Fadl Halabi Abdul Karim", Schema = EntitySchema.Person });
        Assert.False(longer.Alert, longer.Matches.Count > 0 ? $"score {longer.Matches[0].Score}" : "");
    }

    [Fact]
    public void Screen_ListedNameOfTradeWordsOnly_DoesNotAlertOnACompanyWithItsOwnName()
    {
        // "Treyd Komponent" says only what the firm sells; a distributor with a name of its own that sells the same
        // is not it. As on the real lists, the listed word komponent is rare and the customer's own word (Steppe, read
        // as Step) is not.
        var filler = new[] { "Volga", "Ural", "Kama", "Aral", "Baikal", "Neva", "Oka", "Don", "Irtysh", "Amur" };
        var entries = filler.Select((w, i) => Organization("s" + i, $"Step {w} Trading House"))
            .Append(Organization("treyd", "Treyd Komponent"))
            .ToList();
        var engine = ScreeningEngine.Build(entries);

        var result = engine.Screen(new PartyQuery { Name = "Steppe Components Trading LLP", Schema = EntitySchema.Organization });
        Assert.False(result.Alert, result.Matches.Count > 0 ? $"{result.Matches[0].Name}: score {result.Matches[0].Score}" : "");
        Assert.True(engine.Screen(new PartyQuery { Name = "TREYD KOMPONENT LLC", Schema = EntitySchema.Organization }).Alert);
    }

    [Theory]
    // A brand of three syllables listed as one word, and Hong Kong listed as HK, are looked up as such: among many
    // names sharing the other words, five candidates are enough.
    [InlineData("Heng Bang Wei Electronics")]
    [InlineData("香港恒邦微電子有限公司")]
    public void Screen_SyllablesOfAJoinedBrand_FindTheListedName(string query)
    {
        var filler = new[] { "Ming", "Tai", "Fook", "Wing", "Kwong", "Lee", "Sun", "Tak", "Yue", "Cheung" };
        var entries = filler.Select((w, i) => Organization("f" + i, $"HONG KONG {w} ELECTRONICS LIMITED"))
            .Concat(filler.Select((w, i) => Organization("w" + i, $"{w} WEI ELECTRONICS")))
            .Append(Organization("hbw", "HK HENGBANGWEI ELECTRONICS LIMITED"))
            .ToList();
        var engine = ScreeningEngine.Build(entries, new MatcherOptions { MaxCandidates = 5 });

        var result = engine.Screen(new PartyQuery { Name = query, Schema = EntitySchema.Organization });
        Assert.Equal(new EntityId("test_list", "hbw"), result.Matches[0].EntityId);
        Assert.True(result.Alert, $"score {result.Matches[0].Score}");
    }

    [Fact]
    public void Screen_Exhaustive_FindsWhatTheIndexFinds()
    {
        var exhaustive = ScreeningEngine.Build([Person("1", "Aleksandr Vladimirovich GUTSAN")], new MatcherOptions { Exhaustive = true });
        var indexed = ScreeningEngine.Build([Person("1", "Aleksandr Vladimirovich GUTSAN")]);
        var query = new PartyQuery { Name = "GUTSAN Aleksandr" };
        Assert.Equal(exhaustive.Screen(query).Matches[0].Score, indexed.Screen(query).Matches[0].Score);
    }

    [Fact]
    public void Screen_FewCandidatesManyLongerNamesSharingTheTokens_ScoresTheShortListedName()
    {
        // Thirty longer names hold both query tokens; the candidate ranking must still hand the exact one to scoring.
        string[] fillers = ["ALPHA", "BRAVO", "CEDAR", "DELTA", "EMBER", "FJORD", "GAMMA", "HAVEN", "IVORY", "JASPER"];
        var entries = Enumerable.Range(0, 30)
            .Select(i => Organization("long" + i, $"KAVKAZ SHIPPING {fillers[i % 10]} {fillers[(i / 10) + 3]} MARINE SERVICES"))
            .Append(Organization("short", "KAVKAZ SHIPPING"))
            .ToList();
        var engine = ScreeningEngine.Build(entries, new MatcherOptions { MaxCandidates = 3 });

        var result = engine.Screen(new PartyQuery { Name = "Kavkaz Shipping" });

        Assert.Equal(new EntityId("test_list", "short"), result.Matches[0].EntityId);
        Assert.True(result.Matches[0].Score > 0.95, result.Matches[0].Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    // Two listed words written as one by the query, and one listed word written as two.
    [InlineData("NORDGOLD", "joined")]
    [InlineData("Trans Oil", "split")]
    public void Screen_WordsJoinedOrSplit_FindsTheListedName(string query, string expected)
    {
        var engine = ScreeningEngine.Build(
        [
            Organization("joined", "NORD GOLD PLC"),
            Organization("split", "TRANSOIL PJSC"),
            Organization("other", "NORDIC GOLDEN HARVEST"),
        ]);

        var result = engine.Screen(new PartyQuery { Name = query, Schema = EntitySchema.Organization });

        Assert.True(result.Alert, query);
        Assert.Equal(new EntityId("test_list", expected), result.Matches[0].EntityId);
    }

    [Fact]
    public void Screen_RecordRepeatedInItsSource_TakesOnePlace()
    {
        // A source that repeats a key is read as KEY#2 (KeyRegistry); the repeats must not push other parties out.
        var engine = ScreeningEngine.Build(
        [
            Organization("17018", "PJSC SBERBANK"),
            Organization("17018#2", "PJSC SBERBANK"),
            Organization("17018#3", "PJSC SBERBANK"),
            Organization("15076", "SBERBANK"),
        ]);

        var result = engine.Screen(new PartyQuery { Name = "Sberbank PAO" }, new ScreeningOptions { Top = 2 });

        Assert.Equal(["test_list:17018", "test_list:15076"], result.Matches.Select(m => m.EntityId.ToString()));
    }

    [Fact]
    public void Screen_OneNameListedByTwoSourcesAndAsAnotherKind_ScoresEachKindOnItsOwn()
    {
        // The two person records share one scored form; the organisation's form reads PAO as a legal form, not a surname
        // (so does the untyped query).
        var engine = ScreeningEngine.Build(
        [
            Person("p1", "PAO, Yu Hsiang"),
            Person("p2", "PAO, Yu Hsiang") with { Id = new EntityId("other_list", "p2") },
            Organization("o1", "PAO, Yu Hsiang"),
        ]);

        var matches = engine.Screen(new PartyQuery { Name = "Yu Hsiang Pao" }, new ScreeningOptions { Top = 3, MinScore = 0 }).Matches
            .ToDictionary(m => m.EntityId.ToString(), m => m.Score);

        Assert.Equal(matches["test_list:p1"], matches["other_list:p2"]);

        // Only the organisation reads the query's trailing Pao as its legal form too; the persons stay below the cut.
        var best = engine.Screen(new PartyQuery { Name = "Yu Hsiang Pao" }, new ScreeningOptions { Top = 3, MinScore = 0.9 });
        Assert.Equal(["test_list:o1"], best.Matches.Select(m => m.EntityId.ToString()));
    }

    [Fact]
    public void Build_Entries_CountsEntitiesAndNames()
    {
        Assert.Equal(10, Engine.EntityCount);
        Assert.Equal(11, Engine.NameCount);
        Assert.Equal("PETROV", Engine.GetEntry(new EntityId("test_list", "10"))!.Name);
        Assert.Null(Engine.GetEntry(new EntityId("test_list", "404")));
    }
}
