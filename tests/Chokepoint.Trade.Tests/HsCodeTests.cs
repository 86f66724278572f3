namespace Chokepoint.Trade.Tests;

public class HsCodeTests
{
    [Theory]
    [InlineData("8542.31.0000", "85423100 00")]
    [InlineData("854231", "854231")]
    [InlineData("8542", "8542")]
    [InlineData("8542 31", "854231")]
    [InlineData("8542-31-00", "85423100")]
    [InlineData(" 85 ", "85")]
    public void TryParse_AnyNotation_KeepsDigits(string text, string expected)
    {
        Assert.True(HsCode.TryParse(text, out var code));
        Assert.Equal(expected.Replace(" ", ""), code.Digits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("8")]
    [InlineData("854")]
    [InlineData("85423")]
    [InlineData("8542.3A")]
    [InlineData("8542313131313131")]
    public void TryParse_NotACode_Fails(string text) => Assert.False(HsCode.TryParse(text, out _));

    [Fact]
    public void IsWithin_LongerCode_IsWithinHeading()
    {
        Assert.True(HsCode.Parse("8542.31.0000").IsWithin(HsCode.Parse("8542")));
        Assert.False(HsCode.Parse("8542").IsWithin(HsCode.Parse("854231")));
    }

    [Fact]
    public void ToDottedString_TenDigits_GroupsAsTariffLine() =>
        Assert.Equal("8542.31.0000", HsCode.Parse("8542310000").ToDottedString());
}
