namespace Chokepoint.Core.Tests;

public sealed class BirthDateTests
{
    [Theory]
    [InlineData("1964", 1964, 0, 0, 1964)]
    [InlineData("1964-05", 1964, 5, 0, 1964)]
    [InlineData("1964-05-13", 1964, 5, 13, 1964)]
    [InlineData("1960..1965", 1960, 0, 0, 1965)]
    public void TryParse_Valid_RoundTrips(string text, int year, int month, int day, int toYear)
    {
        Assert.True(BirthDate.TryParse(text, out var d));
        Assert.Equal((year, month, day, toYear), (d.Year, d.Month, d.Day, d.ToYear));
        Assert.Equal(text, d.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("64")]
    [InlineData("1964-13")]
    [InlineData("1964-02-30")]
    [InlineData("1965..1960")]
    [InlineData("abcd")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(BirthDate.TryParse(text, out _));

    [Fact]
    public void EntityId_ParseAndFormat_RoundTrips()
    {
        var id = EntityId.Parse("us_ofac_sdn:36");
        Assert.Equal("us_ofac_sdn", id.Source);
        Assert.Equal("36", id.Key);
        Assert.Equal("us_ofac_sdn:36", id.ToString());
        Assert.False(EntityId.TryParse("nocolon", out _));
    }
}
