using Chokepoint.Core;
using Chokepoint.Text;

namespace Chokepoint.Accuracy;

/// <summary>Chokepoint's own screening engine, at its documented default threshold.</summary>
internal sealed class ChokepointMatcher(IPartyScreener screener, double threshold, string name = "chokepoint") : IEvalMatcher
{
    public string Name { get; } = name;

    public double Threshold { get; } = threshold;

    public static ChokepointMatcher Build(IEnumerable<ListEntry> entries, bool exhaustive = false)
    {
        var engine = ScreeningEngine.Build(entries, new MatcherOptions { Exhaustive = exhaustive });
        return new ChokepointMatcher(engine, engine.DefaultThreshold, exhaustive ? "chokepoint-exhaustive" : "chokepoint");
    }

    public MatcherOutcome Screen(PartyQuery query, int top)
    {
        // MinScore 0 keeps sub-threshold candidates, so the top score is known for the threshold sweep.
        var result = screener.Screen(query, new ScreeningOptions { Top = top, MinScore = 0 });
        var matches = new RankedMatch[result.Matches.Count];
        for (var i = 0; i < matches.Length; i++)
        {
            var m = result.Matches[i];
            matches[i] = new RankedMatch(m.EntityId, m.Score, m.Name, m.Schema);
        }

        return new MatcherOutcome(matches, matches.Length > 0 ? matches[0].Score : 0, result.Alert, result.Error);
    }
}
