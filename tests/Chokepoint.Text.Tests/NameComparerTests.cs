using Chokepoint.Core;

namespace Chokepoint.Text.Tests;

public sealed class NameComparerTests
{
    private static PairComparison Compare(string a, string b, EntitySchema schema = EntitySchema.Unknown) =>
        NameComparer.Compare(new PartyQuery { Name = a, Schema = schema }, new PartyQuery { Name = b, Schema = schema });

    [Theory]
    // Scripts
    [InlineData("Щербаков Алексей Иванович", "Aleksei Ivanovich SHCHERBAKOV", true)]
    [InlineData("МЕЛЬНИК, Роман Иванович", "Roman Ivanovich MELNIK", true)]
    [InlineData("محمد نافي بلال", "Mohammed Nafi BILAL", true)]
    [InlineData("კოკა კაციტაძე", "Koka KATSITADZE", true)]
    [InlineData("赵光宗", "ZHAO Guangzong", true)]
    [InlineData("Ευάγγελος Μαρινάκης", "Evangelos MARINAKIS", true)]
    [InlineData("Գագիկ Ծառուկյան", "Gagik TSARUKYAN", true)]
    [InlineData("김정은", "KIM Jong Un", true)]
    [InlineData("박명철", "PAK Myong Chol", true)]
    // Romanisation systems
    [InlineData("Ščerbakov Aleksej", "Shcherbakov Aleksey", true)]
    [InlineData("Schtscherbakow Alexei", "Shcherbakov Aleksei", true)]
    [InlineData("XOVANSKAJA GALINA PETROVNA", "Galina Petrovna KHOVANSKAYA", true)]
    [InlineData("Jewgeni Prigoschin", "Yevgeniy PRIGOZHIN", true)]
    // Arabic and Persian variants
    [InlineData("Muhammad Abdul Rahman al-Tikriti", "Mohamed Abdulrahman TIKRITI", true)]
    [InlineData("Abdel lah Waleed", "Abdullah Walid", true)]
    [InlineData("Ibrahim bin Hassan", "Ebrahim Hasan", true)]
    // Al-Din glued on or written apart.
    [InlineData("Sirajuddin Haqqani", "Siraj al-Din HAQQANI", true)]
    [InlineData("Noureddine Karimov", "Nur Uddin KARIMOV", true)]
    // Order, initials, titles
    [InlineData("GUTSAN, Aleksandr Vladimirovich", "Aleksandr Vladimirovich GUTSAN", true)]
    [InlineData("A. MIKHEEV", "Alexander MIKHEEV", true)]
    [InlineData("Dr Ayman al-Zawahiri", "Ayman AL-ZAWAHIRI", true)]
    // Legal forms
    [InlineData("STAN OOO", "LLC STAN", true)]
    [InlineData("Obshchestvo s Ogranichennoy Otvetstvennostyu Romashka", "Romashka LLC", true)]
    [InlineData("«Romdoul Development» Co., Limited", "ROMDOUL DEVELOPMENT CO LTD", true)]
    [InlineData("Kitokofood SPRL", "KITOKOFOOD LLC", true)]
    [InlineData("Efbet Partners EOOD", "EFBET PARTNERS LLC", true)]
    [InlineData("Sherkat Sahami Khass Poshtibani Naft Tehran", "POSHTIBANI NAFT TEHRAN PRIVATE JOINT STOCK COMPANY", true)]
    // Hong Kong's Cantonese spellings of Chinese surnames meet their pinyin, beside an English given name too.
    [InlineData("LAU, Emily", "LIU, Emily", true)]
    [InlineData("Joshua WONG", "Joshua HUANG", true)]
    [InlineData("CHEUNG Wei", "ZHANG Wei", true)]
    [InlineData("LAU, Emily", "LUO, Emily", false)]
    // A Chinese brand of three syllables joined on one side (Jinmingsheng) and apart on the other; HK is Hong Kong.
    [InlineData("金明盛科技香港有限公司", "JINMINGSHENG TECHNOLOGY HK CO LIMITED", true)]
    [InlineData("Hong Kong Heng Bang Wei Electronics Limited", "HK HENGBANGWEI ELECTRONICS LIMITED", true)]
    [InlineData("Heng Bang Trading Limited", "HENGBANGWEI ELECTRONICS LIMITED", false)]
    // 微 ends the brand before 电子 (electronics), but begins 微电子 (microelectronics) after a place.
    [InlineData("香港恒邦微電子有限公司", "HK HENGBANGWEI ELECTRONICS LIMITED", true)]
    [InlineData("上海微电子有限公司", "SHANGHAI MICROELECTRONICS CO LTD", true)]
    // A word split at an apostrophe meets the joined word with another vowel.
    [InlineData("Bank al-Jaza' ir", "BANK AL-JAZAYER", true)]
    // Evasion
    [InlineData("Ｖａｒｖａｒａ Ａｎｄｒｅｅｖｎａ ＳＫＯＣＨ", "Varvara Andreevna SKOCH", true)]
    [InlineData("KOLВIN, Реtr", "Petr KOLBIN", true)]
    [InlineData("TEREK SPECIAL RAPID RESPONSE UN\u200DIT", "TEREK SPECIAL RAPID RESPONSE UNIT", true)]
    // Typos
    [InlineData("WINDHAM COMMERRCIAL GTOUP INC.", "WINDHAM COMMERCIAL GROUP INC", true)]
    [InlineData("Andreey Evgenievich KRIVOSHEYEV", "Andrey Evgenyevich KRIVOSHEEV", true)]
    // Different parties
    [InlineData("Dmitry Vadimovich Picard", "Dmitry Vadimovich KOZLOV", false)]
    [InlineData("Ivan Petrov", "Sergei Smirnov", false)]
    [InlineData("Lado Danilishina", "LADY D", false)]
    [InlineData("STAN LLC", "KARST LLC", false)]
    [InlineData("Sadriddin Najmiddinov", "SADRUDDIN", false)]
    [InlineData("Volodin Sergei", "Vol al-Din SERGEI", false)]
    [InlineData("Bank al-Jaza' in", "BANK AL-JAZAYER", false)]
    // A Han syllable is one character: one letter more is another character.
    [InlineData("玲 魏", "WEI, Linna", false)]
    [InlineData("梓晨 成", "CHUN HAI CHENG", false)]
    [InlineData("政君 钱", "YUN, Cheng", false)]
    [InlineData("김정철", "KIM Jong Un", false)]
    // A consonant skeleton two letters shorter is another word, whatever the dropped v's (Hebrew רויטל, Vorawatvichai).
    [InlineData("רויטל אורן", "VORAWATVICHAI, Varin", false)]
    // Two consonants with other vowels are another word.
    [InlineData("Guyot et Rousseau", "Al Ras Gate General Trading", false)]
    public void Compare_VariationClasses_MatchAsExpected(string a, string b, bool match)
    {
        var result = Compare(a, b);
        Assert.True(result.Match == match, $"{a} / {b}: score {result.Score}");
    }

    [Theory]
    [InlineData("Aleksandr Vladimirovich GUTSAN", "GUTSAN A.")]
    [InlineData("Muhammad Abdul Rahman", "Mohamed Abdulrahman")]
    [InlineData("ООО Ромашка", "Romashka LLC")]
    public void Compare_SwappedArguments_GivesSameScore(string a, string b) =>
        Assert.Equal(Compare(a, b).Score, Compare(b, a).Score);

    [Theory]
    [InlineData("", "Ivan Petrov")]
    [InlineData("!!!", "Ivan Petrov")]
    [InlineData("Ivan Petrov Ivan Petrov Ivan Petrov Ivan Petrov Ivan Petrov Ivan Petrov Ivan Petrov Ivan Petrov Ivan", "Ivan")]
    [InlineData("Ivan Petrov", "Ivan Petrov")]
    public void Compare_AnyInput_ScoreStaysInUnitRange(string a, string b)
    {
        var score = Compare(a, b).Score;
        Assert.InRange(score, 0.0, 1.0);
    }

    [Theory]
    // Religious titles of South Asian and Afghan names are not names: nothing is left unmatched.
    [InlineData("YAQOOB, Mohammad", "YAQOOB, Qari Shaikh Muhammad")]
    [InlineData("Maulana Masood Azhar", "Masood AZHAR")]
    [InlineData("Mufti Abdul Rauf", "Abdul RAUF")]
    public void Compare_ReligiousTitle_IsNotPartOfTheName(string a, string b)
    {
        var result = Compare(a, b, EntitySchema.Person);
        Assert.Empty(result.Explanation.UnmatchedQuery);
        Assert.Empty(result.Explanation.UnmatchedListed);
        Assert.True(result.Score >= 0.9, $"{a} / {b}: score {result.Score}");
    }

    [Fact]
    public void Compare_Alignments_NameTheKindOfMatch()
    {
        var result = Compare("Ščerbakov", "Shcherbakov");
        var alignment = Assert.Single(result.Explanation.Alignments);
        Assert.Equal(TokenMatchKind.Exact, alignment.Kind);
        var translit = Compare("Schtscherbakow", "Shcherbakov");
        Assert.Equal(TokenMatchKind.Transliteration, Assert.Single(translit.Explanation.Alignments).Kind);
    }

    [Theory]
    [InlineData("Viktor Nikolaevich Khmarin", true)]
    [InlineData("Othman bin Sharif", true)]
    [InlineData("بن عثمان الشريف", true)]
    [InlineData("Othman Sharif", false)]
    [InlineData("Othman bin Sharif Trading LLC", false)]
    public void Create_UntypedName_ReadsAsPersonByPatronymicOrFiliation(string name, bool person)
    {
        Assert.Equal(person, NameForm.Create(name, EntitySchema.Unknown, UniformRarity.Instance).IsPerson);
    }

    [Fact]
    public void Compare_HanSyllableAgainstInitial_AlignsAsInitial()
    {
        // A Han syllable meets only its own romanisations, but an initial still stands for it.
        var result = Compare("赵光宗", "ZHAO G. Z.", EntitySchema.Person);

        Assert.Contains(result.Explanation.Alignments, x => x.Query == "guang" && x.Kind == TokenMatchKind.Initial);
    }

    [Theory]
    [InlineData("A. S. Pushkin", "PUSHKIN, Aleksandr Sergeevich")]
    [InlineData("PUSHKIN, S. A.", "PUSHKIN, Sergei Aleksandrovich")]
    public void Compare_TwoInitialsInUntypedName_AreNotALegalForm(string query, string listed)
    {
        // S.A. and A.S. are legal forms too; two letters in a name of unknown kind are a person's initials.
        var result = NameComparer.Compare(new PartyQuery { Name = query }, new PartyQuery { Name = listed, Schema = EntitySchema.Person });

        Assert.True(result.Match, $"score {result.Score}");
        Assert.DoesNotContain(result.Explanation.Evidence, e => e is { Kind: "schema", Outcome: "mismatch" });
    }

    [Fact]
    public void Compare_LegalFormWordAsSurnameBeforeComma_IsAPersonsName()
    {
        // PAO is a Russian legal form and a Chinese surname; written first with a comma it is the surname.
        var result = NameComparer.Compare(new PartyQuery { Name = "PAO, Yu Hsuang" }, new PartyQuery { Name = "PAO, Yu Hsiang", Schema = EntitySchema.Person });

        Assert.True(result.Match, $"score {result.Score}");
        Assert.Contains(result.Explanation.Alignments, x => x.Query == "pao" && x.Listed == "pao");
        Assert.DoesNotContain(result.Explanation.Evidence, e => e is { Kind: "schema", Outcome: "mismatch" });
    }

    [Fact]
    public void Compare_LegalFormAfterCommaOfUntypedName_StillFolds()
    {
        var result = NameComparer.Compare(new PartyQuery { Name = "RUSGIDRO, PAO" }, new PartyQuery { Name = "PAO RusGidro", Schema = EntitySchema.Organization });

        Assert.True(result.Match, $"score {result.Score}");
        Assert.Contains(result.Explanation.Alignments, x => x.Query == "pao" && x.Kind == TokenMatchKind.Synonym);
    }

    [Fact]
    public void Compare_DottedLegalFormOfAnOrganisation_StillFolds()
    {
        var result = Compare("Inmobiliaria La Provincia S.A.", "INMOBILIARIA LA PROVINCIA SOCIEDAD ANONIMA", EntitySchema.Organization);

        Assert.Contains(result.Explanation.Alignments, x => x.Kind == TokenMatchKind.Synonym && x.Query == "s a");
    }

    [Fact]
    public void Compare_WordSaidTwice_IsMissingOnce()
    {
        var once = Compare("Public Establishment for Refining and Distribution of Oil", "PUBLIC ESTABLISHMENT FOR REFINING AND DISTRIBUTION");
        var twice = Compare("Public Establishment for Oil Refining and Distribution of Oil", "PUBLIC ESTABLISHMENT FOR REFINING AND DISTRIBUTION");

        Assert.Equal(once.Score, twice.Score, 4);
        Assert.True(once.Score < 1.0);
    }

    [Fact]
    public void Compare_EmptyName_ExplainsWhy()
    {
        var result = Compare("   ", "Ivan Petrov");
        Assert.False(result.Match);
        Assert.Equal("a: name is empty", result.Explanation.Note);
    }
}
