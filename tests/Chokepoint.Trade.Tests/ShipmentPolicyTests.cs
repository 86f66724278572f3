namespace Chokepoint.Trade.Tests;

public class ShipmentPolicyTests
{
    private static Finding F(FindingSeverity severity, string rule = "r") => new(FindingKind.RedFlag, rule, severity, "s", new Dictionary<string, object>(), "src");

    [Theory]
    [InlineData(new FindingSeverity[0], ShipmentDecision.Clear)]
    [InlineData(new[] { FindingSeverity.Info, FindingSeverity.Low }, ShipmentDecision.Clear)]
    [InlineData(new[] { FindingSeverity.Low, FindingSeverity.Medium }, ShipmentDecision.Review)]
    [InlineData(new[] { FindingSeverity.High, FindingSeverity.High, FindingSeverity.High }, ShipmentDecision.Review)]
    [InlineData(new[] { FindingSeverity.Medium, FindingSeverity.Critical }, ShipmentDecision.Block)]
    public void Decide_DefaultPolicy_FollowsSeverities(FindingSeverity[] severities, ShipmentDecision expected) =>
        Assert.Equal(expected, ShipmentPolicy.Default.Decide(severities.Select(s => F(s)).ToList()));

    [Fact]
    public void Parse_Json_OverridesDefaults()
    {
        var (policy, error) = ShipmentPolicy.Parse("""
            {"blockAt":"high","reviewAt":"low","blockAtHighCount":2,"strictThresholdMargin":0.1,
             "severityOverrides":{"young-company":"info","component":"critical"}}
            """);

        Assert.Null(error);
        Assert.Equal(FindingSeverity.High, policy!.BlockAt);
        Assert.Equal(ShipmentDecision.Review, policy.Decide([F(FindingSeverity.Low)]));
        Assert.Equal(0.1, policy.StrictThresholdMargin);
        Assert.Equal(FindingSeverity.Info, policy.Apply(FindingKind.RedFlag, "young-company", FindingSeverity.Medium));
        Assert.Equal(FindingSeverity.Critical, policy.Apply(FindingKind.Component, "component-match", FindingSeverity.High));
        Assert.Equal(FindingSeverity.Medium, policy.Apply(FindingKind.RedFlag, "end-use-vague", FindingSeverity.Medium));
    }

    [Theory]
    [InlineData("""{"blockAt":"fatal"}""")]
    [InlineData("""{"nearMatchMargin":1.5}""")]
    [InlineData("""{"reviewAt":"critical","blockAt":"medium"}""")]
    [InlineData("""{"unknownSetting":1}""")]
    [InlineData("not json")]
    public void Parse_BadPolicy_ReturnsError(string json)
    {
        var (policy, error) = ShipmentPolicy.Parse(json);

        Assert.Null(policy);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Check_WithOverride_ChangesDecision()
    {
        var doc = TradeFixtures.Sample("12-young-polish-buyer-route-lithuania.json");
        var lenient = new ShipmentPolicy
        {
            SeverityOverrides = new Dictionary<string, FindingSeverity> { ["young-company"] = FindingSeverity.Low, ["route-ends-elsewhere"] = FindingSeverity.Low },
        };

        Assert.Equal(ShipmentDecision.Review, TradeFixtures.WithFake().Check(doc).Decision);
        Assert.Equal(ShipmentDecision.Clear, TradeFixtures.WithFake(policy: lenient).Check(doc).Decision);
    }
}
