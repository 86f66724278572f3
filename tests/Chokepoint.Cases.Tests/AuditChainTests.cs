using Microsoft.Extensions.Time.Testing;

namespace Chokepoint.Cases.Tests;

public sealed class AuditChainTests
{
    private readonly FakeTimeProvider _time = new(CaseBuilder.Start);

    private List<AuditRecord> Chain(int n)
    {
        var list = new List<AuditRecord>();
        AuditRecord? last = null;
        for (var i = 0; i < n; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            last = AuditChain.Seal(last, new AuditEntry("ana", "case.decide", $"case-{i}", "{\"n\":" + i + "}"), _time.GetUtcNow());
            list.Add(last);
        }

        return list;
    }

    [Fact]
    public void Verify_UntouchedChain_Intact()
    {
        var result = AuditChain.Verify(Chain(5));

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.Checked);
    }

    [Fact]
    public void Verify_EditedRecord_NamesIt()
    {
        var chain = Chain(5);
        var r = chain[2];
        chain[2] = new AuditRecord(r.Sequence, r.At, "mallory", r.Action, r.Subject, r.Details, r.PreviousHash, r.Hash);

        var result = AuditChain.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Equal("Record 3 was edited: its content does not match its hash.", result.Message);
    }

    [Fact]
    public void Verify_RemovedRecord_NamesIt()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        var result = AuditChain.Verify(chain);

        Assert.Equal(2, result.FirstBadSequence);
        Assert.Equal("Record 2 was removed: record 3 follows record 1.", result.Message);
    }

    [Fact]
    public void Verify_ReorderedRecords_NamesThem()
    {
        var chain = Chain(5);
        (chain[3], chain[2]) = (chain[2], chain[3]);

        var result = AuditChain.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("removed", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RehashedEditWithoutChain_DetectedAtNextRecord()
    {
        var chain = Chain(4);
        var r = chain[1];
        var forged = new AuditRecord(r.Sequence, r.At, "mallory", r.Action, r.Subject, r.Details, r.PreviousHash, "");
        chain[1] = new AuditRecord(r.Sequence, r.At, "mallory", r.Action, r.Subject, r.Details, r.PreviousHash, AuditChain.ComputeHash(forged));

        var result = AuditChain.Verify(chain);

        Assert.Equal(3, result.FirstBadSequence);
    }

    [Fact]
    public void Seal_TruncatesToMilliseconds_SoStorageRoundTripsVerify()
    {
        var r = AuditChain.Seal(null, new AuditEntry("a", "b", "c"), CaseBuilder.Start.AddTicks(12345));

        Assert.Equal(0, r.At.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(AuditChain.GenesisHash, r.PreviousHash);
        Assert.Equal(r.Hash, AuditChain.ComputeHash(r));
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("plain", "plain")]
    public void CsvCell_FormulaOrSeparator_Neutralised(string value, string expected) =>
        Assert.Equal(expected, CsvText.Cell(value));

    [Fact]
    public void RegisterCsv_BadRows_DiagnosedWithLineAndField()
    {
        const string csv = "id,name,schema,country,birth_date\nC-1,Acme,organization,ru,\nC-2,,person,,\nC-3,Ivan,robot,,\nC-1,Dup,,,\n\"C-5\",\"Petrov, Ivan\",person,RU,1970-13-01\nC-6,Olga,person,RU,1970\n";

        var result = MonitoringRegisterCsv.Parse(new StringReader(csv), "register.csv");

        Assert.Equal(["C-1", "C-6"], result.Rows.Select(r => r.ExternalId));
        Assert.Equal("RU", result.Rows[0].Country);
        Assert.Equal(
            ["register.csv:3: error: field 'name': The name is empty.", "register.csv:4: error: field 'schema': 'robot' is not person, organization, vessel or aircraft.", "register.csv:5: error: field 'id': The id 'C-1' appears twice in the file.", "register.csv:6: error: field 'birth_date': '1970-13-01' is not YYYY, YYYY-MM or YYYY-MM-DD."],
            result.Diagnostics.Select(d => d.ToString()));
    }
}
