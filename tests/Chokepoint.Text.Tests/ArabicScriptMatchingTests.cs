using Chokepoint.Core;

namespace Chokepoint.Text.Tests;

public sealed class ArabicScriptMatchingTests
{
    private static PairComparison Compare(string a, string b, EntitySchema schema = EntitySchema.Unknown) =>
        NameComparer.Compare(new PartyQuery { Name = a, Schema = schema }, new PartyQuery { Name = b, Schema = schema });

    private static void AssertMatch(string a, string b, bool expected, EntitySchema schema = EntitySchema.Unknown)
    {
        var result = Compare(a, b, schema);
        Assert.True(result.Match == expected, $"{a} / {b}: score {result.Score}");
    }

    [Theory]
    // Letters romanised in several ways: ض as z or d, ث as th or s, ق as q, k or gh, ج as j or g, و as w or v.
    [InlineData("رضا کریمی", "Reza KARIMI")]
    [InlineData("عثمان صالح", "Osman SALEH")]
    [InlineData("عثمان صالح", "Uthman SALIH")]
    [InlineData("قاسم غفاری", "Ghasem GHAFFARI")]
    [InlineData("قاسم غفاری", "Qasim Ghafari")]
    [InlineData("جمال رجب", "Gamal RAGAB")]
    [InlineData("وحید پرویزی", "Vahid PARVIZI")]
    // The article, joined or apart, with or without sun-letter assimilation.
    [InlineData("فيصل الشمري", "Faisal AL-SHAMMARI")]
    [InlineData("فيصل الشمري", "Faisal ash-Shammari")]
    [InlineData("فيصل الشمري", "Faysal SHAMMARI")]
    // Two letters a romanisation writes as one digraph (س+ح is sh in Ishaq, ت+ح is th in Fathi).
    [InlineData("إسحاق فتحي", "Ishaq FATHI")]
    // X الله, عبد and joined Persian names against their Latin spellings, joined or apart.
    [InlineData("ولي الله كريمي", "Waliullah KARIMI")]
    [InlineData("ولي الله كريمي", "Wali Ullah KARIMI")]
    [InlineData("عبدالكريم ناصر", "Abdul Karim NASSER")]
    [InlineData("محمدرضا توکلی", "Mohammad Reza TAVAKOLI")]
    [InlineData("نور الدين زنكي", "Nureddin ZANGI")]
    // An article written inside the word (جمالالدین) meets the joined and the split spelling; Urdu letters (ٹ ڈ ڑ ہ).
    [InlineData("جمالالدین افغانی", "Jamaluddin AFGHANI")]
    [InlineData("جمالالدین افغانی", "Jamal al-Din AFGHANI")]
    [InlineData("ٹیپو سلطان", "Tipu SULTAN")]
    [InlineData("شاہد کھوکھر", "Shahid KHOKHAR")]
    // Persian final ی is a or i (موسی Musa, علی Ali); a title written in Arabic script goes like a Latin one.
    [InlineData("موسی کاظمی", "Musa KAZEMI")]
    [InlineData("حاجي كريم بلوچ", "Karim BALOCH")]
    // چ and ش side by side are two letters (چشمه Cheshmeh); ابو glued to an article-bearing name (أبواليزيد).
    [InlineData("محمد رستمی چشمه گچی", "Mohammad Rostami Chesmeh GACHI")]
    [InlineData("راضي أبواليزيد العياشي", "Radi Abou El Yazid EL AYASHI")]
    [InlineData("هشام شريف", "Hicham CHERIF")]
    // A word's first ي or و is the consonant y, w or v (Yahya has two consonants, not one).
    [InlineData("يحيى عبد الله العبيدي", "YAHIA ABDALLAH AL-UBAIDI")]
    [InlineData("وليد يوسف", "Oualid YOUSSEF")]
    [InlineData("حمید واحدی", "Hamid VAHEDI")]
    // Organisation words written in Arabic script meet the English words lists use.
    [InlineData("شرکت بازرگانی آرین", "ARYAN TRADING COMPANY")]
    [InlineData("چکاد صنعت فراز", "CHAKAD SANAT FARAZ")]
    public void Compare_ArabicScriptAgainstRomanisation_Matches(string arabic, string latin) => AssertMatch(arabic, latin, true);

    [Theory]
    [InlineData("جمال بركات", "Kamal BARAKZAI")]
    [InlineData("سعيد نوري", "Sultan NOORZAI")]
    [InlineData("يوسف", "Yousef BARAKAT")]
    [InlineData("چشمه گچی", "Shams GACHI")]
    // An English organisation word is met by its translation only, not by a name that sounds like it (al-Gharbi).
    [InlineData("أمان الغربي", "IMAN GROUP")]
    public void Compare_DifferentArabicNames_DoNotMatch(string arabic, string latin) => AssertMatch(arabic, latin, false);

    [Theory]
    // Organisation words that lists write translated in some names and transliterated in others: the English meets,
    // and so does the transliteration (Bank Melli, Shahid Bakeri).
    [InlineData("صنایع هوایی قدس", "QODS AVIATION INDUSTRIES")]
    [InlineData("سازمان صنایع هوافضا", "AEROSPACE INDUSTRIES ORGANIZATION")]
    [InlineData("سازمان صنایع دفاع", "DEFENSE INDUSTRIES ORGANIZATION")]
    [InlineData("وزارت دفاع و پشتیبانی نیروهای مسلح", "MINISTRY OF DEFENSE AND ARMED FORCES LOGISTICS")]
    [InlineData("کشتیرانی جمهوری اسلامی ایران", "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES")]
    [InlineData("هواپیمایی ماهان", "MAHAN AIR")]
    [InlineData("بنیاد تعاون", "BONYAD TAAVON")]
    [InlineData("بنیاد تعاون", "COOPERATIVE FOUNDATION")]
    // و (and) written onto a word with its article is a word of its own; في and wal are particles.
    [InlineData("الدولة الإسلامية في العراق والشام", "AL-DAWLA AL-ISLAMIYA FI AL-IRAQ WA AL-SHAM")]
    public void Compare_OrganisationWordsInArabicScript_MeetTranslationOrTransliteration(string arabic, string latin) =>
        AssertMatch(arabic, latin, true, EntitySchema.Organization);

    [Theory]
    // Hebrew: ב, כ, פ hard at a word's start and soft inside (Baruch, Avraham, Yosef), ו and י consonants at the start,
    // ח and כ written ch or kh, צ written tz or z, בן as the particle ben.
    [InlineData("ינון לוי", "Yinon LEVY")]
    [InlineData("ברוך מרזל", "Baruch MARZEL")]
    [InlineData("אברהם כהן", "Avraham COHEN")]
    [InlineData("צבי בר יוסף", "Zvi BAR YOSEF")]
    [InlineData("נריה בן פזי", "Neria BEN PAZI")]
    [InlineData("יצחק לוי", "Yitzhak LEVI")]
    [InlineData("דניאלה וייס", "Daniella WEISS")]
    public void Compare_HebrewScriptAgainstRomanisation_Matches(string hebrew, string latin) => AssertMatch(hebrew, latin, true, EntitySchema.Person);

    [Theory]
    // Hebrew names whose consonants happen to fit a listed name's (dev innocents that alerted while Hebrew readings
    // were scored like Arabic ones).
    [InlineData("בניה תדמור", "Vladimir PANYAEV")]
    [InlineData("ויקטוריה משען", "Viktor Evgenyevich MYACHIN")]
    public void Compare_OtherHebrewNames_DoNotMatch(string hebrew, string latin) => AssertMatch(hebrew, latin, false, EntitySchema.Person);

    [Fact]
    public void Compare_InitialYaAgainstInitialY_CountsAsConsonant()
    {
        // يحيى / Yahya: y and h, not h alone, so the token meets above the one-consonant ceiling.
        var result = Compare("يحيى", "YAHYA", EntitySchema.Person);
        Assert.Contains(result.Explanation.Alignments, a => a.Listed == "yahya" && a.Similarity > 0.8);
    }

    [Theory]
    // A written long vowel must be met by a compatible vowel: حسين is Husayn, not Hassan; محمود is Mahmoud, not Mohamed.
    [InlineData("حسين", "Husayn", "Hassan")]
    [InlineData("محمود", "Mahmoud", "Mohamed")]
    [InlineData("سلمان", "Salman", "Suleiman")]
    public void Compare_WrittenLongVowel_PrefersCompatibleSpelling(string arabic, string compatible, string other) =>
        Assert.True(Compare(arabic, compatible).Score > Compare(arabic, other).Score);

    [Theory]
    // Turkish final devoicing, Persian z for ض and gh for ق, th or s for ث, Levantine o for u.
    [InlineData("Hamit Yusuf KARIMI", "Hamid Yusuf KARIMI")]
    [InlineData("Ramazan NOURI", "Ramadan NURI")]
    [InlineData("Ghader SALEHI", "Qader SALEHI")]
    [InlineData("Abo Karim DARWISH", "Abu Karim DARWISH")]
    [InlineData("Usman Faris", "Uthman FARIS")]
    [InlineData("Ahmet Rida NAJAFI", "Ahmad Reza NAJAFI")]
    // Jim written c in Turkish and Azerbaijani, g in Egypt; ث as s after a first vowel.
    [InlineData("Cemal Cafer OGLU", "Jamal Jafar OGLU")]
    [InlineData("Gamal HASSAN", "Jamal HASSAN")]
    [InlineData("Osman FARIS", "Uthman FARIS")]
    public void Compare_RegionalSpellingOfArabicName_Matches(string a, string b) => AssertMatch(a, b, true);

    [Theory]
    // The Abd prefix with two neighbouring letters swapped by a typing slip is still the prefix.
    [InlineData("ABUDL SAMAD ACHEKZAI", "ABDUL SAMAD ACHEKZAI")]
    [InlineData("Adbulrahman HAMID", "Abdul Rahman HAMID")]
    public void Compare_AbdPrefixWithSwappedLetters_Matches(string a, string b) => AssertMatch(a, b, true, EntitySchema.Person);

    [Theory]
    [InlineData("Ahmet", "Ahmad")]
    [InlineData("Rida", "Reza")]
    [InlineData("Ghasem", "Qasim")]
    [InlineData("Abo", "Abu")]
    public void Compare_RegionalVariantToken_AlignsAsPhonetic(string a, string b) =>
        Assert.Contains(Compare(a, b).Explanation.Alignments, x => x.Kind == TokenMatchKind.Phonetic);

    [Theory]
    // The first letter is not a regional variant (Dina/Zina), nor is a final t/d in a two-consonant name (Sad/Sat).
    [InlineData("Dina", "Zina")]
    [InlineData("Sad", "Sat")]
    [InlineData("Kamal", "Jamal")]
    [InlineData("Cafer", "Jabir")]
    [InlineData("Sami", "Tami")]
    public void Compare_OtherNameNotRegionalVariant_DoesNotMatch(string a, string b) => AssertMatch(a, b, false);

    [Theory]
    // Chinese company names: place and brand in pinyin, trade words and legal form translated in the listed name.
    [InlineData("深圳华光电子有限公司", "SHENZHEN HUAGUANG ELECTRONICS CO., LTD")]
    [InlineData("無錫金泰機械有限公司", "WUXI JINTAI MACHINERY LIMITED")]
    // A syllable that spells a legal form elsewhere (欧 ou, Estonian OÜ) is part of the brand.
    [InlineData("宁波欧腾机械有限公司", "NINGBO OUTENG MACHINERY CO., LTD")]
    public void Compare_HanCompanyNameAgainstEnglishName_Matches(string han, string english) =>
        AssertMatch(han, english, true, EntitySchema.Organization);

    [Fact]
    public void Normalize_HanTradeWords_GivesEnglishWords() =>
        Assert.Equal("hua guang electronics co ltd", NameNormalizer.Normalize("华光电子有限公司"));

    [Fact]
    public void Compare_JoinedAllah_AlignsAsCompound()
    {
        var result = Compare("ولي الله", "Wali Ullah");

        Assert.Contains(result.Explanation.Alignments, a => a.Kind == TokenMatchKind.Compound);
    }
}
