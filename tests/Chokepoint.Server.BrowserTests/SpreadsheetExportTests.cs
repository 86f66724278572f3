using Chokepoint.Server.Web;

namespace Chokepoint.Server.BrowserTests;

public sealed class SpreadsheetExportTests
{
    private static readonly ExportTable Table = new(
        "Results",
        ["id", "name", "score"],
        [
            ["c1", "=HYPERLINK(\"http://evil\",\"x\")", 0.93],
            ["c2", "+1+1", 0.5],
            ["c3", "-2+3", null],
            ["c4", "@SUM(A1)", 1],
            ["c5", "\tcmd", 0.1],
            ["c6", "\rcmd", 0.1],
            ["c7", "Acme, \"Ltd\"", 0.75],
        ]);

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Acme = Ltd", "Acme = Ltd")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Neutralize_FormulaLikeText_GetsApostrophe(string? text, string expected) =>
        Assert.Equal(expected, SpreadsheetExport.Neutralize(text));

    [Fact]
    public void WriteCsv_FormulaCells_AreNeutralisedAndQuoted()
    {
        var writer = new StringWriter();
        SpreadsheetExport.WriteCsv(Table, writer);
        var lines = writer.ToString().Split("\r\n");
        Assert.Equal("id,name,score", lines[0]);
        Assert.Equal("c1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",0.93", lines[1]);
        Assert.Equal("c2,'+1+1,0.5", lines[2]);
        Assert.Equal("c3,'-2+3,", lines[3]);
        Assert.Equal("c4,'@SUM(A1),1", lines[4]);
        Assert.Equal("c5,'\tcmd,0.1", lines[5]);
        Assert.Equal("c6,\"'\rcmd\",0.1", lines[6]);
        Assert.Equal("c7,\"Acme, \"\"Ltd\"\"\",0.75", lines[7]);
    }

    [Fact]
    public void WriteXlsx_FormulaCells_AreNeutralisedTextAndNumbersStayNumbers()
    {
        using var stream = new MemoryStream();
        SpreadsheetExport.WriteXlsx(Table, stream);
        stream.Position = 0;
        var rows = XlsxReader.Read(stream);
        Assert.Equal(["id", "name", "score"], rows[0].Select(c => c.Text));
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"x\")", rows[1][1].Text);
        Assert.Equal("'+1+1", rows[2][1].Text);
        Assert.Equal("'-2+3", rows[3][1].Text);
        Assert.Equal("'@SUM(A1)", rows[4][1].Text);
        Assert.Equal("'\tcmd", rows[5][1].Text);
        // XML reads a bare CR back as LF; what matters is the apostrophe in front.
        Assert.Equal("'\ncmd", rows[6][1].Text);
        Assert.Equal(("0.93", true), (rows[1][2].Text, rows[1][2].IsNumber));
        Assert.False(rows[1][1].IsNumber);
        Assert.All(rows.Skip(1), r => Assert.DoesNotContain(r, c => c.IsFormula));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_Index_IsSpreadsheetLetters(int index, string expected) =>
        Assert.Equal(expected, SpreadsheetExport.ColumnName(index));

    [Fact]
    public void WriteCsv_NonAsciiNames_RoundTripAsUtf8()
    {
        var writer = new StringWriter();
        SpreadsheetExport.WriteCsv(new ExportTable("R", ["name"], [["Шахед <b>"]]), writer);
        Assert.Equal("name\r\nШахед <b>\r\n", writer.ToString());
    }
}
