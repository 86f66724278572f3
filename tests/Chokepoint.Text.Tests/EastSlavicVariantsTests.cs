using Chokepoint.Core;

namespace Chokepoint.Text.Tests;

public sealed class EastSlavicVariantsTests
{
    private static PairComparison Compare(string a, string b) =>
        NameComparer.Compare(new PartyQuery { Name = a, Schema = EntitySchema.Person }, new PartyQuery { Name = b, Schema = EntitySchema.Person });

    [Theory]
    // Belarusian: h for g, ts/dz for soft t/d, u (ў) for v, a for unstressed o.
    [InlineData("Siarhei Uladzimiravich BARYSAU", "Sergei Vladimirovich BORISOV")]
    [InlineData("Valiantsina Henadzeuna LAPATSINA", "Valentina Gennadevna LAPATINA")]
    [InlineData("Aleh MATKIN", "Oleg MATKIN")]
    [InlineData("Raman PRATASEVICH", "Roman PROTASEVICH")]
    [InlineData("Tatsiana GRAKUN", "Tatiana GRAKUN")]
    // Ukrainian: h for g, y for i, ie/ii endings.
    [InlineData("Serhiy Oleksiyovych HNATENKO", "Sergei Alekseevich GNATENKO")]
    [InlineData("Volodymyr Heorhiiovych OSTAPCHUK", "Vladimir Georgievich OSTAPCHUK")]
    // Given names no spelling rule reaches (Mykola/Nikolai, Ryhor/Grigory, Zmitser/Dmitry, Hanna/Anna), in Latin and
    // in Cyrillic, with the patronymics built on them.
    [InlineData("Mykola Yanovych AZAROV", "Nikolai Yanovich AZAROV")]
    [InlineData("Петро Миколайович Симоненко", "Pyotr Nikolayevich SIMONENKO")]
    [InlineData("Аляксандр Рыгоравіч Лукашэнка", "Alexander Grigoryevich LUKASHENKO")]
    [InlineData("Надзея Якаўлеўна Кавалёва", "Nadezhda Yakovlevna KOVALEVA")]
    [InlineData("Зміцер Дашкевіч", "Dmitry DASHKEVICH")]
    [InlineData("Ганна Миколаївна Гопко", "Anna Nikolaevna GOPKO")]
    // A dropped h of a digraph at the start of a surname is a typo, not another name.
    [InlineData("Pavel Ivanovich ZUKOVSKY", "Pavel Ivanovich ZHUKOVSKY")]
    public void Compare_UkrainianAndBelarusianForms_Match(string a, string b)
    {
        var result = Compare(a, b);
        Assert.True(result.Match, $"{a} / {b}: score {result.Score}");
    }

    [Theory]
    [InlineData("Siarhei Uladzimiravich BARYSAU", "Sergei Vladimirovich KOVALENKO")]
    [InlineData("Serhiy HNATENKO", "Sergei KONDRATENKO")]
    [InlineData("Aleh MATKIN", "Olga MATKINA")]
    [InlineData("Mykola PETRENKO", "Nikita PETRENKO")]
    public void Compare_SameGivenNamesOtherSurname_DoNotMatch(string a, string b)
    {
        var result = Compare(a, b);
        Assert.False(result.Match, $"{a} / {b}: score {result.Score}");
    }

    [Theory]
    // A woman's Belarusian patronymic meets a list's form of it without the final -na.
    [InlineData("Tatstsiana Aliaksandravna GRAKUN", "Tatyana Alexandrova GRAKUN", "aliaksandravna", true)]
    [InlineData("Volha Uladzimirauna KARACH", "Olga Vladimirova KARACH", "uladzimirauna", true)]
    // Only a patronymic's -na: a given name is not the surname made from it, nor is another surname one consonant off.
    [InlineData("Kanstantsin IVANOU", "Konstantinov IVAN", "kanstantsin", false)]
    [InlineData("Aliaksandra KOLESNIKOVA", "Aleksandr KALASHNIKOV", "kolesnikova", false)]
    public void Compare_PatronymicAgainstFormWithoutNa_AlignsOnlyForPatronymics(string a, string b, string token, bool aligned)
    {
        var result = Compare(a, b);
        Assert.Equal(aligned, result.Explanation.Alignments.Any(x => x.Query == token));
    }

    [Fact]
    public void Compare_BelarusianPatronymic_AlignsWithRussianOne()
    {
        var result = Compare("Filip Uladzimiravich KAZLOU", "Filip Vladimirovich KOZLOV");
        Assert.Contains(result.Explanation.Alignments, a => a.Query == "uladzimiravich" && a.Listed == "vladimirovich");
    }
}
