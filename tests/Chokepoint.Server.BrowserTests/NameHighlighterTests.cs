using Chokepoint.Core;
using Chokepoint.Server.Web;

namespace Chokepoint.Server.BrowserTests;

public sealed class NameHighlighterTests
{
    private static readonly TokenAlignment[] Alignments =
    [
        new("mohammed", "muhammad", TokenMatchKind.Phonetic, 0.9),
        new("rezaei", "rezaei", TokenMatchKind.Exact, 1.0),
    ];

    [Fact]
    public void ForQuery_AlignedWords_AreMarkedWithKindAndPartner()
    {
        var segments = NameHighlighter.ForQuery("Mohammed  REZAEI jr", Alignments);
        Assert.Equal(
            [
                new NameSegment("Mohammed", TokenMatchKind.Phonetic, "muhammad"),
                new NameSegment("  ", null, null),
                new NameSegment("REZAEI", TokenMatchKind.Exact, "rezaei"),
                new NameSegment(" jr", null, null),
            ],
            segments);
    }

    [Fact]
    public void ForListed_UsesListedSideOfAlignments()
    {
        var segments = NameHighlighter.ForListed("REZAEI, Muhammad", Alignments);
        Assert.Equal(TokenMatchKind.Exact, segments[0].Kind);
        Assert.Equal("REZAEI,", segments[0].Text);
        Assert.Equal(new NameSegment("Muhammad", TokenMatchKind.Phonetic, "mohammed"), segments[2]);
    }

    [Fact]
    public void ForQuery_MarkupInName_StaysOneUnmarkedText()
    {
        const string name = "<img src=x onerror=alert(1)>";
        var segments = NameHighlighter.ForQuery(name, Alignments);
        Assert.Equal(name, string.Concat(segments.Select(s => s.Text)));
        Assert.All(segments, s => Assert.Null(s.Kind));
    }

    [Theory]
    [InlineData(TokenMatchKind.EditDistance, "typo")]
    [InlineData(TokenMatchKind.Transliteration, "transliteration")]
    [InlineData(TokenMatchKind.Exact, "exact")]
    public void Describe_Kind_UsesAnalystWords(TokenMatchKind kind, string expected) =>
        Assert.Equal(expected, NameHighlighter.Describe(kind));
}
