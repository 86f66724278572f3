using Chokepoint.Lists.Common;

namespace Chokepoint.Lists.Tests.Ofac;

public sealed class CsvReaderTests
{
    private static List<(int Line, string[] Fields)> ReadAll(string text, char separator = ',')
    {
        var reader = new CsvReader(text, separator);
        var fields = new List<string>();
        var records = new List<(int, string[])>();
        while (reader.ReadRecord(fields) == CsvRecordStatus.Record)
        {
            records.Add((reader.RecordLine, fields.ToArray()));
        }

        return records;
    }

    [Fact]
    public void ReadRecord_CrlfAndCtrlZTrailer_DropsTheTrailer()
    {
        var records = ReadAll("1,\"A, B\",-0- \r\n2,C,D\r\n\u001A");

        Assert.Equal([["1", "A, B", "-0- "], ["2", "C", "D"]], records.Select(r => r.Fields));
        Assert.Equal([1, 2], records.Select(r => r.Line));
    }

    [Fact]
    public void ReadRecord_QuotedLineBreakAndDoubledQuote_KeepsThemAndCountsLines()
    {
        var records = ReadAll("1,\"say \"\"hi\"\"\nthere\"\n2,x\n");

        Assert.Equal(["1", "say \"hi\"\nthere"], records[0].Fields);
        Assert.Equal(1, records[0].Line);
        Assert.Equal(3, records[1].Line);
    }

    [Fact]
    public void ReadRecord_TabSeparatedWithBlankLines_SkipsBlankLines()
    {
        var records = ReadAll("\"a\"\t\"b\"\n\n\"c\"\t\"d\"", '\t');

        Assert.Equal([["a", "b"], ["c", "d"]], records.Select(r => r.Fields));
        Assert.Equal([1, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void ReadRecord_UnterminatedQuote_ReportsTheFieldAndItsLine()
    {
        var reader = new CsvReader("1,ok\n2,\"never closed\nstill open");
        var fields = new List<string>();

        Assert.Equal(CsvRecordStatus.Record, reader.ReadRecord(fields));
        Assert.Equal(CsvRecordStatus.UnterminatedQuote, reader.ReadRecord(fields));
        Assert.Equal(["2"], fields);
        Assert.Equal(2, reader.RecordLine);
    }

    [Fact]
    public void ReadRecord_EmptyText_EndsAtOnce()
    {
        var fields = new List<string> { "stale" };

        Assert.Equal(CsvRecordStatus.EndOfData, new CsvReader("\u001A").ReadRecord(fields));
        Assert.Empty(fields);
    }
}
