using Chokepoint.Core;

namespace Chokepoint.Text.Tests;

public sealed class SpellingVariationTests
{
    private static PairComparison Compare(string a, string b, EntitySchema schema) =>
        NameComparer.Compare(new PartyQuery { Name = a, Schema = schema }, new PartyQuery { Name = b, Schema = schema });

    [Theory]
    // Two typos in a long word that keeps its first letter; a German spelling that changes it (з as s, в as w).
    [InlineData("Oleg STRELNIKOV", "Oleg STERLNIKOF", EntitySchema.Person)]
    [InlineData("Konstantin SAWISENOW", "Konstantin ZAVIZENOV", EntitySchema.Person)]
    // Typos counted on the spelling, not on the shorter key (kh, ch, doubled letters).
    [InlineData("Kiill Petrovich DOROFEEV", "Kirill Petrovich DOROFEEV", EntitySchema.Person)]
    [InlineData("Rihcatd TALBOT", "Richard TALBOT", EntitySchema.Person)]
    // A misspelt word inside a legal-form phrase still folds to the legal form.
    [InlineData("NORTHWIND CLOSED JOINT SROCK COMPANY", "NORTHWIND CJSC", EntitySchema.Organization)]
    [InlineData("BRAMBLE LIMIRED LIABILITY COMPANY", "BRAMBLE LLC", EntitySchema.Organization)]
    // Scholarly x = kh wins over a glued Arabic al- (Alexin is Alekhin).
    [InlineData("Alexin Boris Ivanovich", "Boris Ivanovich ALEKHIN", EntitySchema.Unknown)]
    [InlineData("Mixeev Oleg", "Oleg MIKHEEV", EntitySchema.Unknown)]
    // Kazakh and Azerbaijani patronymics: the father's name with kyzy/ogly is the Russian -ovna/-ovich.
    [InlineData("Aigerim Nurlan kyzy SEITOVA", "Aigerim Nurlanovna SEITOVA", EntitySchema.Person)]
    [InlineData("Rashad Tofig oglu HUSEYNOV", "Rashad Tofigovich HUSEYNOV", EntitySchema.Person)]
    // Kazakh written with the marker on the father's name.
    [InlineData("Nursultan Äbişulı NAZARBAEV", "Nursultan Abishevich NAZARBAYEV", EntitySchema.Person)]
    [InlineData("Aigerim Nurlanqyzy SEITOVA", "Aigerim Nurlanovna SEITOVA", EntitySchema.Unknown)]
    // Legal forms of other former Soviet states: Kyrgyz ZhChK, Estonian OU, Belarusian AAT.
    [InlineData("TALDY ZhChK", "TALDY LLC", EntitySchema.Organization)]
    [InlineData("PIHLAKA OU", "PIHLAKA LIMITED", EntitySchema.Organization)]
    [InlineData("AAT HRODNA AZOT", "OJSC HRODNA AZOT", EntitySchema.Organization)]
    // Spelled-out German forms, dotted acronyms, abbreviated words inside a spelled-out form, Russian bank forms.
    [InlineData("Nordwerk Gesellschaft mit beschränkter Haftung", "NORDWERK GMBH", EntitySchema.Organization)]
    [InlineData("ALPENSTAHL GmbH & Co. KG", "Alpenstahl Kommanditgesellschaft", EntitySchema.Organization)]
    [InlineData("J.S.C. Kalinovsky Zavod", "KALINOVSKY ZAVOD JSC", EntitySchema.Unknown)]
    [InlineData("Zenith Ltd Liability Partnership", "ZENITH LLP", EntitySchema.Organization)]
    [InlineData("Public Joint Stock Co Severny Kredit", "PJSC SEVERNY KREDIT", EntitySchema.Organization)]
    [InlineData("Aktsionerny Kommercheski Bank Severny Kredit", "AO SEVERNY KREDIT", EntitySchema.Organization)]
    // Number words and ordinals meet digits; no and nr meet number.
    [InlineData("MINING ENTERPRISE NUMBER TWO", "MINING ENTERPRISE NO. 2", EntitySchema.Organization)]
    [InlineData("Second Academy of Natural Sciences", "2ND ACADEMY OF NATURAL SCIENCES", EntitySchema.Organization)]
    public void Compare_SpellingVariant_Matches(string a, string b, EntitySchema schema)
    {
        var result = Compare(a, b, schema);
        Assert.True(result.Match, $"{a} / {b}: score {result.Score}");
    }

    [Theory]
    // Two edits with another first letter make another surname, or another word (navigation is not aviation).
    [InlineData("Nikolai Petrovich QULIYEV", "Nikolai Petrovich BULAYEV", EntitySchema.Person)]
    [InlineData("PARS NAVIGATION CO", "PARS AVIATION COMPANY", EntitySchema.Organization)]
    [InlineData("Oleg STRELNIKOV", "Oleg TRENIKOV", EntitySchema.Person)]
    // A four-letter word one edit from a legal form (film/firm) is not corrected into one.
    [InlineData("BRAMBLE FILM", "BRAMBLE CO", EntitySchema.Organization)]
    // Another number is another plant.
    [InlineData("Kurgan Plant No 9", "KURGAN PLANT NUMBER 8", EntitySchema.Organization)]
    // Chinese and Korean syllable keys (b/p, d/t, g/k merged) are for names read wholly as such syllables.
    [InlineData("Tina PETROVA", "Dina PETROVA", EntitySchema.Person)]
    [InlineData("Dan IVANOV", "Tan IVANOV", EntitySchema.Unknown)]
    // A one-consonant alternative reading (sea, for marine) is no match for a word of another script.
    [InlineData("ישי בר יעקב", "Huawei Marine", EntitySchema.Unknown)]
    public void Compare_DifferentName_DoesNotMatch(string a, string b, EntitySchema schema)
    {
        var result = Compare(a, b, schema);
        Assert.False(result.Match, $"{a} / {b}: score {result.Score}");
    }

    [Fact]
    public void Compare_TurkicPatronymic_AlignsAsOneToken()
    {
        var result = Compare("Aigerim Nurlan kyzy SEITOVA", "Aigerim Nurlanovna SEITOVA", EntitySchema.Person);
        Assert.Contains(result.Explanation.Alignments, a => a.Query == "nurlanovna" && a.Listed == "nurlanovna");
    }
}
