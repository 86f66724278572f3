using Chokepoint.Core;

namespace Chokepoint.Text.Tests;

public sealed class SimilarityMemoTests
{
    private static readonly string[] Listed =
    [
        "Kovalenko Petro Ivanovych",
        "Petro KOVALENKO",
        "KOVALENKO TRADING LLC",
        "Ivan Petrovich Kovalenkov",
        "Oleksandr Kovalchuk",
        "ООО Коваленко Групп",
        "Hassan Abdel Karim",
        "Karim Hasan",
    ];

    [Theory]
    [InlineData("Petro Kovalenko")]
    [InlineData("Petr Kovalenka")]
    [InlineData("Kovalenko Trading Limited")]
    [InlineData("Abdelkarim Hassan")]
    [InlineData("Коваленко Петро")]
    public void Score_WithMemo_EqualsScoreWithout(string query)
    {
        var ids = new Dictionary<NameToken, int>();
        var listed = new NameForm[Listed.Length];
        for (var i = 0; i < listed.Length; i++)
        {
            listed[i] = NameForm.Create(Listed[i], EntitySchema.Unknown, UniformRarity.Instance).WithSimilarityIds(ids);
        }

        var form = NameForm.Create(query, EntitySchema.Unknown, UniformRarity.Instance);
        var memo = new SimilarityMemo();
        memo.Start(form.Tokens);

        // Twice over the list, so the second pass reads every row from the memo.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var name in listed)
            {
                Assert.Equal(NameScorer.Score(form, name), NameScorer.Score(form, name, memo: memo));
            }
        }
    }

    [Fact]
    public void Score_MoreListedTokensThanTheMemoHolds_EqualsScoreWithout()
    {
        // Two thousand distinct surnames: the table probes past taken slots, and once its rows are used up the rest
        // are compared directly; every score must stay what the scorer says without a memo.
        var ids = new Dictionary<NameToken, int>();
        var listed = Enumerable.Range(0, 2000)
            .Select(i => NameForm.Create($"Petro {Surname(i)}", EntitySchema.Person, UniformRarity.Instance).WithSimilarityIds(ids))
            .ToList();
        var form = NameForm.Create($"Petro {Surname(1234)}", EntitySchema.Person, UniformRarity.Instance);
        var memo = new SimilarityMemo();
        memo.Start(form.Tokens);

        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var name in listed)
            {
                Assert.Equal(NameScorer.Score(form, name), NameScorer.Score(form, name, memo: memo));
            }
        }

        Assert.Equal(1f, NameScorer.Score(form, listed[1234], memo: memo));
    }

    // A letters-only surname for each number (digits would be read as numbers, not names).
    private static string Surname(int i) =>
        string.Concat("Kov", (char)('a' + (i % 26)), (char)('a' + (i / 26 % 26)), (char)('a' + (i / 676)), "enko");

    [Fact]
    public void WithSimilarityIds_SameTokenInTwoNames_SharesOneId()
    {
        var ids = new Dictionary<NameToken, int>();
        var a = NameForm.Create("Petro Kovalenko", EntitySchema.Person, UniformRarity.Instance).WithSimilarityIds(ids);
        var b = NameForm.Create("Kovalenko Ivan", EntitySchema.Person, UniformRarity.Instance).WithSimilarityIds(ids);

        Assert.Equal(a.Tokens[1].SimilarityId, b.Tokens[0].SimilarityId);
        Assert.NotEqual(a.Tokens[0].SimilarityId, b.Tokens[1].SimilarityId);
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public void Row_AfterStart_ForgetsThePreviousQuery()
    {
        var ids = new Dictionary<NameToken, int>();
        var listed = NameForm.Create("Kovalenko", EntitySchema.Person, UniformRarity.Instance).WithSimilarityIds(ids);
        var memo = new SimilarityMemo();

        memo.Start(NameForm.Create("Kovalenko", EntitySchema.Person, UniformRarity.Instance).Tokens);
        var first = memo.Row(listed.Tokens[0], out _)[0];
        memo.Start(NameForm.Create("Shevchenko", EntitySchema.Person, UniformRarity.Instance).Tokens);
        var second = memo.Row(listed.Tokens[0], out _)[0];

        Assert.Equal(1f, first);
        Assert.Equal(0f, second);
    }
}
