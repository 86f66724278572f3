using Chokepoint.Core;

namespace Chokepoint.Text.Tests;

public sealed class OrganizationWordsTests
{
    private static PairComparison Compare(string a, string b, EntitySchema schema = EntitySchema.Organization) =>
        NameComparer.Compare(new PartyQuery { Name = a, Schema = schema }, new PartyQuery { Name = b, Schema = schema });

    [Theory]
    // Place adjectives, -icheskiy/-ical, and generic words by translation (zavod/plant, fond/foundation).
    [InlineData("Kurgansky mekhanichesky zavod", "KURGAN MECHANICAL PLANT")]
    [InlineData("KURGANSKIJ MEXANICHESKIJ ZAVOD", "Kurgan Mechanical Plant")]
    [InlineData("Fond istoricheskoy kultury", "HISTORICAL CULTURE FUND")]
    // -tsiya/-tion, -nyi adjectives of nouns.
    [InlineData("Tverskaya transportnaya korporatsiya", "TVER TRANSPORT CORPORATION")]
    [InlineData("Natsionalnaya navigatsionnaya kompaniya Orlan", "ORLAN NATIONAL NAVIGATION COMPANY")]
    [InlineData("Votkinskiy zavod", "JSC VOTKINSK MACHINE BUILDING PLANT")]
    [InlineData("Volzhskiy flot", "VOLGA-FLOT")]
    // Acronyms against the words they stand for, beside a word that matched.
    [InlineData("PAO Aktsionernaya Finansovaya Korporatsiya Sistema", "AFK SISTEMA")]
    [InlineData("Islamic State in Somalia", "ISIS-SOMALIA")]
    [InlineData("Institut tekhnicheskogo stekla imeni Solinova", "INSTITUTE OF TECHNICAL GLASS NAMED AFTER SOLINOV")]
    [InlineData("Smart Treyding i Logistika", "SMART TRADING AND LOGISTICS")]
    [InlineData("Vserossiyskoye obshchestvennoye dvizheniye Yunarmiya", "ALL-RUSSIAN SOCIAL MOVEMENT YUNARMIA")]
    // Legal forms spelled out in English.
    [InlineData("FKP Kurgansky porokhovoy zavod", "STATE-OWNED ENTERPRISE KURGAN POWDER PLANT")]
    // Abbreviations of trade documents.
    [InlineData("MEHDI BROS SHIP SERV. PVT. LTD.", "MEHDI BROTHERS SHIP SERVICES PRIVATE LIMITED")]
    [InlineData("Kavkaz Tech Mfg Grp", "KAVKAZ TECHNOLOGY MANUFACTURING GROUP")]
    // Persian and Turkish industry words, and cognate forms of one word.
    [InlineData("Karanir Sanat Co.", "KARANIR")]
    [InlineData("Dandong Zhicheng Metal Materials Co., Ltd", "DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.")]
    [InlineData("External Economic Association Technopromexport", "FOREIGN ECONOMIC ASSOCIATION TECHNOPROMEXPORT")]
    [InlineData("Obshchestvo sodeystviya russkomu istoricheskomu razvitiyu Tsargrad", "SOCIETY FOR THE PROMOTION OF RUSSIAN HISTORICAL DEVELOPMENT TSARGRAD")]
    [InlineData("Nevskiye Novosti", "NEVSKIY NEWS LLC")]
    [InlineData("Political Security Department", "POLITICAL SECURITY DIRECTORATE")]
    [InlineData("Fatemiyoun Force", "FATEMIYOUN")]
    // Turkish trade words and legal forms (ithalat ihracat, limited sirketi).
    [InlineData("Alsultan Kuyumculuk", "ALSULTAN KUYUMCULUK ITHALAT IHRACAT LIMITED SIRKETI")]
    [InlineData("Alsultan Kuyumculuk Ltd. Sti.", "ALSULTAN KUYUMCULUK LLC")]
    [InlineData("Asma Money Changers", "ASMA MONEY EXCHANGERS")]
    // Russian transcription of English words (dzh for dge).
    [InlineData("ООО Технологическая компания Флай Бридж", "LIMITED LIABILITY COMPANY TECHNOLOGICAL COMPANY FLY BRIDGE")]
    public void Compare_TranslatedOrganisationWords_Match(string a, string b)
    {
        var result = Compare(a, b);
        Assert.True(result.Match, $"{a} / {b}: score {result.Score}");
    }

    [Theory]
    // Legal forms of more countries and scripts meet their class: limited liability (s.r.o., МЧЖ, ОсОО, ՍՊԸ, Ε.Π.Ε.,
    // 株式会社, 주식회사, Công ty TNHH, ذ.م.م) and joint stock (A.Ş., Α.Ε., Oy, ش.م.ع, سهامی خاص).
    [InlineData("Karavella Trans s.r.o.", "KARAVELLA TRANS LLC")]
    [InlineData("Karavella Trans МЧЖ", "KARAVELLA TRANS LLC")]
    [InlineData("Karavella Trans ОсОО", "KARAVELLA TRANS LLC")]
    [InlineData("Karavella Trans ՍՊԸ", "KARAVELLA TRANS LLC")]
    [InlineData("Karavella Trans Ε.Π.Ε.", "KARAVELLA TRANS LLC")]
    [InlineData("Karavella Trans 株式会社", "KARAVELLA TRANS CO., LTD.")]
    [InlineData("Karavella Trans 주식회사", "KARAVELLA TRANS CO., LTD.")]
    [InlineData("Công ty TNHH Karavella Trans", "KARAVELLA TRANS LLC")]
    [InlineData("Karavella Trans ذ.م.م", "KARAVELLA TRANS LLC")]
    [InlineData("Karavella Trans A.Ş.", "KARAVELLA TRANS JSC")]
    [InlineData("Karavella Trans Α.Ε.", "KARAVELLA TRANS JSC")]
    [InlineData("Karavella Trans Oy", "KARAVELLA TRANS JSC")]
    [InlineData("Karavella Trans ش.م.ع", "KARAVELLA TRANS PJSC")]
    [InlineData("Karavella Trans سهامی خاص", "KARAVELLA TRANS PRIVATE JOINT STOCK COMPANY")]
    // Spanish and Portuguese partnerships and "and company", Mexico's S. de R.L. de C.V.
    [InlineData("Karavella Trans y Cía. S. en C.", "KARAVELLA TRANS & CIA. S. EN C.")]
    [InlineData("Karavella Trans Sociedad en Comandita", "KARAVELLA TRANS S. EN C.")]
    [InlineData("Karavella Trans S. de R.L. de C.V.", "KARAVELLA TRANS S DE RL DE CV")]
    public void Compare_LegalFormOfAnotherCountry_MeetsItsClass(string a, string b)
    {
        var result = Compare(a, b);
        Assert.True(result.Score >= 0.99, $"{a} / {b}: score {result.Score}");
    }

    [Theory]
    // Another place, another product: shared generic words alone do not make a match.
    [InlineData("Kurgansky mekhanichesky zavod", "OMSK MECHANICAL PLANT")]
    [InlineData("Tverskaya transportnaya korporatsiya", "VOLGA ENERGY CORPORATION")]
    [InlineData("Votkinskiy mashinostroitelnyy zavod", "IZHEVSK MACHINE BUILDING PLANT")]
    // Initials alone, or beside nothing but "and", are no acronym.
    [InlineData("Graham, Altenwerth and Spencer", "GAS AND GLASS")]
    [InlineData("Aktsionernaya Finansovaya Korporatsiya Vostok", "AFK SISTEMA")]
    [InlineData("Pishro Sanat Co.", "KARANIR SANAT")]
    // Only the legal form is shared: y Cía. S. en C. is not a name.
    [InlineData("VERANILLO Y CIA. S. EN C.", "W. HERRERA Y CIA. S. EN C.")]
    public void Compare_OrganisationsSharingOnlyGenericWords_DoNotMatch(string a, string b)
    {
        var result = Compare(a, b);
        Assert.False(result.Match, $"{a} / {b}: score {result.Score}");
    }

    [Theory]
    // A company's word cut short by a field's length or written shortened meets the whole word; in a person's name a
    // stem is another name.
    [InlineData("ACL ITHALAT IHRACAT ISMAIL BAYALT", "ACL ITHALAT IHRACAT ISMAIL BAYALTUN", EntitySchema.Organization, "bayalt", true)]
    [InlineData("VOLGA PETROCHEM TRADING", "VOLGA PETROCHEMICAL TRADING", EntitySchema.Organization, "petrochem", true)]
    [InlineData("Ali KARIM", "Ali KARIMOV", EntitySchema.Person, "karim", false)]
    public void Compare_WordCutShort_MeetsTheWholeWordOnlyInOrganisations(string a, string b, EntitySchema listed, string token, bool aligned)
    {
        var result = NameComparer.Compare(new PartyQuery { Name = a }, new PartyQuery { Name = b, Schema = listed });
        Assert.Equal(aligned, result.Explanation.Alignments.Any(x => x.Query == token));
    }

    [Theory]
    // A translation (morskoi/maritime, zavod/plant) is explained as a synonym; a cognate spelling as a transliteration.
    [InlineData("Kaspiyskoye morskoye agentstvo", "CASPIAN MARITIME AGENCY", "morskoye", "maritime", TokenMatchKind.Synonym)]
    [InlineData("Kurgansky mekhanichesky zavod", "KURGAN MECHANICAL PLANT", "zavod", "plant", TokenMatchKind.Synonym)]
    [InlineData("Kurgansky mekhanichesky zavod", "KURGAN MECHANICAL PLANT", "mekhanichesky", "mechanical", TokenMatchKind.Transliteration)]
    public void Compare_OrganisationWordAlignment_NamesHowTheWordsMet(string a, string b, string queryToken, string listedToken, TokenMatchKind kind)
    {
        var alignment = Assert.Single(Compare(a, b).Explanation.Alignments, x => x.Query == queryToken);
        Assert.Equal(listedToken, alignment.Listed);
        Assert.Equal(kind, alignment.Kind);
    }

    [Fact]
    public void Compare_PersonNames_AreNotStemmed()
    {
        // A surname's feminine form is another person's name; stems apply only to organisation names.
        var stemmed = Compare("Kurganskaya Irina", "Kurgansky Irina", EntitySchema.Organization);
        var person = Compare("Kurganskaya Irina", "Kurgansky Irina", EntitySchema.Person);
        Assert.True(stemmed.Score > person.Score, $"organisation {stemmed.Score}, person {person.Score}");
    }

    [Fact]
    public void Compare_TitleWordInOrganisationName_IsKept()
    {
        var result = Compare("GENERAL TRACTOR EXPORT", "TRACTOR EXPORT");
        Assert.Contains("general", result.Explanation.UnmatchedQuery);
    }

    [Fact]
    public void Compare_AcronymInAPersonsName_IsNotRead()
    {
        var result = Compare("Kwang-Il Mayert", "KIM KWANG-IL", EntitySchema.Person);
        Assert.DoesNotContain(result.Explanation.Alignments, a => a.Kind == TokenMatchKind.Acronym);
        Assert.False(result.Match, $"score {result.Score}");
    }

    [Fact]
    public void Compare_Acronym_IsExplainedAsOne()
    {
        var alignment = Assert.Single(Compare("PAO Aktsionernaya Finansovaya Korporatsiya Sistema", "AFK SISTEMA").Explanation.Alignments,
            a => a.Kind == TokenMatchKind.Acronym);
        Assert.Equal("aktsionernaya finansovaya korporatsiya", alignment.Query);
        Assert.Equal("afk", alignment.Listed);
    }
}
