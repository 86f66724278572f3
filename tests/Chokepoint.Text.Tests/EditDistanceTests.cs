namespace Chokepoint.Text.Tests;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("kovalenko", "kovalenko", 2, 0)]
    [InlineData("kovalenko", "kovelenko", 2, 1)]
    [InlineData("kovalenko", "kvoalenko", 1, 1)]
    [InlineData("kovalenko", "kovalnko", 1, 1)]
    [InlineData("kovalenko", "kovallenko", 1, 1)]
    [InlineData("kovalenko", "kavelenko", 1, 2)]
    [InlineData("kovalenko", "kavelenko", 2, 2)]
    [InlineData("kovalenko", "petrenko", 2, 3)]
    [InlineData("", "ab", 2, 2)]
    [InlineData("abc", "", 2, 3)]
    [InlineData("ab", "ba", 0, 1)]
    public void Bounded_KnownPairs_ReturnsDistanceCappedAtMaxPlusOne(string a, string b, int max, int expected) =>
        Assert.Equal(expected, EditDistance.Bounded(a, b, max));

    [Fact]
    public void Bounded_RandomEdits_EqualsFullTableDistance()
    {
        // Small alphabets make repeated letters and transpositions common, where a band is easiest to get wrong.
        var random = new Random(20261123);
        for (var trial = 0; trial < 20_000; trial++)
        {
            var a = RandomWord(random, random.Next(0, 12));
            var b = Perturb(random, a);
            var max = random.Next(0, 5);
            var expected = Math.Min(Reference(a, b), max + 1);
            Assert.True(expected == EditDistance.Bounded(a, b, max), $"'{a}' against '{b}' within {max}: expected {expected}");
        }
    }

    [Fact]
    public void Bounded_RandomWordsOfManyLetters_EqualsFullTableDistance()
    {
        // Key letters, upper-case digraph letters and digits: the letter-set filter decides most of these pairs alone.
        const string Letters = "abcdefghijklmnopqrstuvwxyzSCTHJZ0123456789";
        var random = new Random(20261124);
        for (var trial = 0; trial < 20_000; trial++)
        {
            var a = RandomWord(random, random.Next(0, 14), Letters);
            var b = random.Next(4) == 0 ? RandomWord(random, random.Next(0, 14), Letters) : Perturb(random, a, Letters);
            var max = random.Next(0, 5);
            var expected = Math.Min(Reference(a, b), max + 1);
            Assert.True(expected == EditDistance.Bounded(a, b, max), $"'{a}' against '{b}' within {max}: expected {expected}");
        }
    }

    [Fact]
    public void Bounded_LongerThanRows_ComparesWhole()
    {
        var a = new string('a', 80);
        Assert.Equal(0, EditDistance.Bounded(a, a, 2));
        Assert.Equal(3, EditDistance.Bounded(a, a[..79] + "b", 2));
    }

    private static string RandomWord(Random random, int length, string letters = "abc")
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = letters[random.Next(letters.Length)];
        }

        return new string(chars);
    }

    private static string Perturb(Random random, string word, string letters = "abc")
    {
        var chars = new List<char>(word);
        var edits = random.Next(0, 4);
        for (var e = 0; e < edits; e++)
        {
            switch (random.Next(4))
            {
                case 0 when chars.Count > 0:
                    chars.RemoveAt(random.Next(chars.Count));
                    break;
                case 1:
                    chars.Insert(random.Next(chars.Count + 1), letters[random.Next(letters.Length)]);
                    break;
                case 2 when chars.Count > 1:
                    var at = random.Next(chars.Count - 1);
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
                default:
                    if (chars.Count > 0)
                    {
                        chars[random.Next(chars.Count)] = letters[random.Next(letters.Length)];
                    }

                    break;
            }
        }

        return new string([.. chars]);
    }

    // Optimal string alignment over the whole table, as the textbook gives it.
    private static int Reference(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
