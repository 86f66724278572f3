using Chokepoint.Core;

namespace Chokepoint.Text.Tests;

public sealed class ArabicScriptMatchingTests
{
    private static PairComparison Compare(string a, string b, EntitySchema schema = EntitySchema.Unknown) =>
        NameComparer.Compare(new PartyQuery { Name = a, Schema = schema }, new PartyQuery { Name = b, Schema = schema });

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
    // Persian final ی is a or i (موسی Musa, علی Ali); a title written in Arabic script goes like a Latin one.
    [InlineData("موسی کاظمی", "Musa KAZEMI")]
    [InlineData("حاجي كريم بلوچ", "Karim BALOCH")]
    // Organisation words written in Arabic script meet the English words lists use.
    [InlineData("شرکت بازرگانی آرین", "ARYAN TRADING COMPANY")]
    public void Compare_ArabicScriptAgainstRomanisation_Matches(string arabic, string latin)
    {
        var result = Compare(arabic, latin);
        Assert.True(result.Match, $"{arabic} / {latin}: score {result.Score}");
    }

    [Theory]
    [InlineData("جمال بركات", "Kamal BARAKZAI")]
    [InlineData("سعيد نوري", "Sultan NOORZAI")]
    [InlineData("يوسف", "Yousef BARAKAT")]
    public void Compare_DifferentArabicNames_DoNotMatch(string arabic, string latin)
    {
        var result = Compare(arabic, latin);
        Assert.False(result.Match, $"{arabic} / {latin}: score {result.Score}");
    }

    [Theory]
    // A written long vowel must be met by a compatible vowel: حسين is Husayn, not Hassan; محمود is Mahmoud, not Mohamed.
    [InlineData("حسين", "Husayn", "Hassan")]
    [InlineData("محمود", "Mahmoud", "Mohamed")]
    [InlineData("سلمان", "Salman", "Suleiman")]
    public void Compare_WrittenLongVowel_PrefersCompatibleSpelling(string arabic, string compatible, string other) =>
        Assert.True(Compare(arabic, compatible).Score > Compare(arabic, other).Score);

    [Fact]
    public void Compare_JoinedAllah_AlignsAsCompound()
    {
        var result = Compare("ولي الله", "Wali Ullah");

        Assert.Contains(result.Explanation.Alignments, a => a.Kind == TokenMatchKind.Compound);
    }
}
