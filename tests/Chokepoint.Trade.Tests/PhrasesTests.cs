using Chokepoint.Trade.Matching;

namespace Chokepoint.Trade.Tests;

/// <summary>Phrases found in normalised text: the first phrase in the set's order, each word allowing a plural.</summary>
public class PhrasesTests
{
    private static readonly Phrases Terms = new(["flight controller", "controller", "gnss receiver module", "box", "servo"]);

    [Theory]
    [InlineData("spare flight controllers for repair", 0)]
    [InlineData("motor controller", 1)]
    [InlineData("controllers and flight controller", 0)]
    [InlineData("two gnss receivers modules", 2)]
    [InlineData("gnss receiver", -1)]
    [InlineData("shipping boxes", 3)]
    [InlineData("servos", 4)]
    [InlineData("servoes", 4)]
    [InlineData("observer", -1)]
    [InlineData("", -1)]
    public void Find_Text_GivesTheFirstPhraseInItsOrder(string text, int expected) =>
        Assert.Equal(expected, Terms.Find(TradeText.Tokens(text)));

    [Fact]
    public void Find_RandomTexts_AgreesWithAScanOfEveryPhrase()
    {
        // The index by first word must find what trying every phrase at every position finds.
        string[] words = ["flight", "flights", "controller", "controllers", "gnss", "receiver", "receivers", "module", "modules", "box", "boxes", "servo", "servos", "servoes", "other"];
        var random = new Random(20261124);
        for (var trial = 0; trial < 5_000; trial++)
        {
            var tokens = Enumerable.Range(0, random.Next(0, 8)).Select(_ => words[random.Next(words.Length)]).ToArray();
            Assert.Equal(Scan(tokens), Terms.Find(tokens));
        }
    }

    private static int Scan(string[] tokens)
    {
        for (var p = 0; p < Terms.Texts.Length; p++)
        {
            var phrase = TradeText.Tokens(Terms.Texts[p]);
            for (var i = 0; i + phrase.Length <= tokens.Length; i++)
            {
                if (phrase.Select((w, j) => tokens[i + j] == w || tokens[i + j] == w + "s" || tokens[i + j] == w + "es").All(x => x))
                {
                    return p;
                }
            }
        }

        return -1;
    }
}
