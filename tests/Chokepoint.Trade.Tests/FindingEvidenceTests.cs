using System.Text.Json;

namespace Chokepoint.Trade.Tests;

/// <summary>The compact evidence of a finding behaves like the dictionary it replaced, and summaries fill as before.</summary>
public class FindingEvidenceTests
{
    [Fact]
    public void Set_PresentKey_ReplacesInPlaceAndKeepsOrder()
    {
        var evidence = new FindingEvidence(2) { ["field"] = "parties[0]", ["role"] = "buyer", ["party"] = "A" };

        evidence["field"] = "route[2].country";
        evidence["routeCountry"] = "RU";

        Assert.Equal(["field", "role", "party", "routeCountry"], evidence.Keys);
        Assert.Equal("route[2].country", evidence["field"]);
        Assert.False(evidence.ContainsKey("missing"));
        Assert.Throws<KeyNotFoundException>(() => evidence["missing"]);
    }

    [Fact]
    public void Serialize_WritesFactsInTheOrderSet_AsTheDictionaryDid()
    {
        IReadOnlyDictionary<string, object> compact = new FindingEvidence(1) { ["b"] = 1, ["a"] = FindingEvidence.True, ["c"] = new[] { "x", "y" } };
        IReadOnlyDictionary<string, object> dictionary = new Dictionary<string, object> { ["b"] = 1, ["a"] = true, ["c"] = new[] { "x", "y" } };

        Assert.Equal(JsonSerializer.Serialize(dictionary), JsonSerializer.Serialize(compact));
    }

    [Theory]
    [InlineData("Plain {name} in {country}.")]
    [InlineData("Stray { brace {name}.")]
    [InlineData("{name}{country}{missing}")]
    public void Render_AnyValues_GivesWhatReplacingEachKeyInOrderGives(string template)
    {
        var rule = Rule(template);
        var evidence = new FindingEvidence(4) { ["name"] = "Acme {country}", ["country"] = "KZ", ["value"] = 1.5, ["codes"] = new[] { "8542.31", "8526.91" } };
        var plain = new FindingEvidence(4) { ["name"] = "Acme", ["country"] = "KZ", ["value"] = 1.5, ["codes"] = new[] { "8542.31" } };

        Assert.Equal(ByReplacing(template, evidence), rule.Render(evidence));
        Assert.Equal(ByReplacing(template, plain), rule.Render(plain));
    }

    private static RedFlagRule Rule(string summary)
    {
        var json = JsonSerializer.Serialize(new { rules = new[] { new { id = "t", predicate = "role-missing", severity = "low", summary } } });
        return Assert.Single(RedFlagRuleSet.Parse(json).RuleSet!.Rules);
    }

    private static string ByReplacing(string template, IReadOnlyDictionary<string, object> evidence)
    {
        foreach (var (key, value) in evidence)
        {
            template = template.Replace("{" + key + "}", RedFlagRule.Format(value), StringComparison.Ordinal);
        }

        return template;
    }
}
