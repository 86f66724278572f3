using Microsoft.Extensions.Time.Testing;

namespace Chokepoint.Cases.Tests;

public sealed class CaseTests
{
    private readonly FakeTimeProvider _time = new(CaseBuilder.Start);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Decide_NoReason_RefusedNamingReason(string? reason)
    {
        var c = CaseBuilder.WithAlert(_time);

        var result = c.Decide(Guid.NewGuid(), DecisionOutcome.FalsePositive, reason, "ana", _time.GetUtcNow());

        Assert.Equal(CaseErrorCode.Invalid, result.Error?.Code);
        Assert.Equal("reason", result.Error?.Field);
        Assert.Equal(CaseStatus.Open, c.Status);
    }

    [Fact]
    public void Decide_WithReason_WaitsForApprovalAndBumpsVersion()
    {
        var c = CaseBuilder.WithAlert(_time);
        var before = c.Version;

        var result = c.Decide(Guid.NewGuid(), DecisionOutcome.TrueMatch, "Same registration number", "ana", _time.GetUtcNow());

        Assert.True(result.IsSuccess);
        Assert.Equal(CaseStatus.AwaitingApproval, c.Status);
        Assert.Equal(before + 1, c.Version);
        Assert.Same(result.Value, c.PendingDecision);
    }

    [Fact]
    public void Decide_WhilePending_Refused()
    {
        var c = CaseBuilder.WithAlert(_time);
        c.Decide(Guid.NewGuid(), DecisionOutcome.TrueMatch, "r", "ana", _time.GetUtcNow());

        var second = c.Decide(Guid.NewGuid(), DecisionOutcome.FalsePositive, "r", "bob", _time.GetUtcNow());

        Assert.Equal(CaseErrorCode.InvalidState, second.Error?.Code);
    }

    [Fact]
    public void Approve_BySameAnalyst_RefusedFourEyes()
    {
        var c = CaseBuilder.WithAlert(_time);
        var d = c.Decide(Guid.NewGuid(), DecisionOutcome.FalsePositive, "Different birth year", "Ana", _time.GetUtcNow()).Value!;

        var result = c.Approve(d.Id, "ana", _time.GetUtcNow(), Guid.NewGuid);

        Assert.Equal(CaseErrorCode.FourEyes, result.Error?.Code);
        Assert.Equal(DecisionStatus.Pending, d.Status);
        Assert.Equal(CaseStatus.AwaitingApproval, c.Status);
    }

    [Fact]
    public void Approve_FalsePositive_ClosesAndSuppressesEveryMatchedEntry()
    {
        var c = CaseBuilder.WithAlert(_time, "id:C-1", ("us_ofac_sdn:1", "h1"), ("un_sc_consolidated:7", "h7"));
        var d = c.Decide(Guid.NewGuid(), DecisionOutcome.FalsePositive, "Different country", "ana", _time.GetUtcNow(), TimeSpan.FromDays(30)).Value!;
        _time.Advance(TimeSpan.FromHours(2));

        var result = c.Approve(d.Id, "sue", _time.GetUtcNow(), Guid.NewGuid);

        Assert.True(result.IsSuccess);
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(["un_sc_consolidated:7", "us_ofac_sdn:1"], result.Value!.Select(s => s.EntityId));
        Assert.All(result.Value!, s => Assert.Equal(CaseBuilder.Start.AddDays(30), s.ExpiresAt));
        Assert.Equal("sue", d.ReviewedBy);
    }

    [Fact]
    public void Approve_TrueMatch_ClosesWithoutSuppression()
    {
        var c = CaseBuilder.WithAlert(_time);
        var d = c.Decide(Guid.NewGuid(), DecisionOutcome.TrueMatch, "Same passport", "ana", _time.GetUtcNow()).Value!;

        var result = c.Approve(d.Id, "sue", _time.GetUtcNow(), Guid.NewGuid);

        Assert.Empty(result.Value!);
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.False(c.AddAlert(Guid.NewGuid(), "api", "{}", [], "x", _time.GetUtcNow()).IsSuccess);
    }

    [Fact]
    public void SendBack_WithNote_ReopensForTheAnalyst()
    {
        var c = CaseBuilder.WithAlert(_time);
        var d = c.Decide(Guid.NewGuid(), DecisionOutcome.FalsePositive, "r", "ana", _time.GetUtcNow()).Value!;

        var result = c.SendBack(d.Id, "sue", "Check the birth date first", _time.GetUtcNow());

        Assert.True(result.IsSuccess);
        Assert.Equal(DecisionStatus.SentBack, d.Status);
        Assert.Equal(CaseStatus.Open, c.Status);
        Assert.True(c.Decide(Guid.NewGuid(), DecisionOutcome.TrueMatch, "r2", "ana", _time.GetUtcNow()).IsSuccess);
    }

    [Fact]
    public void SendBack_NoNote_RefusedNamingNote()
    {
        var c = CaseBuilder.WithAlert(_time);
        var d = c.Decide(Guid.NewGuid(), DecisionOutcome.FalsePositive, "r", "ana", _time.GetUtcNow()).Value!;

        Assert.Equal("note", c.SendBack(d.Id, "sue", " ", _time.GetUtcNow()).Error?.Field);
    }

    [Fact]
    public void CheckVersion_Stale_ReturnsConflict()
    {
        var c = CaseBuilder.WithAlert(_time);
        var read = c.Version;
        c.Decide(Guid.NewGuid(), DecisionOutcome.TrueMatch, "r", "ana", _time.GetUtcNow());

        var error = c.CheckVersion(read);

        Assert.Equal(CaseErrorCode.Conflict, error?.Code);
        Assert.Null(c.CheckVersion(c.Version));
        Assert.Null(c.CheckVersion(null));
    }
}
