using System.Diagnostics;

namespace Chokepoint.Accuracy;

/// <summary>One matcher's outcomes over a labelled set, in query order, and the figures derived from them.</summary>
internal sealed class MatcherRun
{
    public const int Top = 5;

    private MatcherRun(IEvalMatcher matcher, EvalSet set, MatcherOutcome[] outcomes, bool[] hits, TimeSpan elapsed)
    {
        Matcher = matcher;
        Set = set;
        Outcomes = outcomes;
        Hits = hits;
        Elapsed = elapsed;
    }

    public IEvalMatcher Matcher { get; }

    public EvalSet Set { get; }

    public IReadOnlyList<MatcherOutcome> Outcomes { get; }

    /// <summary>Gets, per query, whether an expected entity is among the top five (alert aside).</summary>
    public IReadOnlyList<bool> Hits { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Screens every query, in parallel on every core.</summary>
    public static MatcherRun Execute(IEvalMatcher matcher, EvalSet set)
    {
        var outcomes = new MatcherOutcome[set.Queries.Count];
        var hits = new bool[outcomes.Length];
        var watch = Stopwatch.StartNew();
        Parallel.For(0, outcomes.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var q = set.Queries[i];
            var outcome = matcher.Screen(q.Query, Top);
            outcomes[i] = outcome;
            foreach (var m in outcome.Matches)
            {
                hits[i] |= q.Expected.Contains(m.EntityId.ToString());
            }
        });
        watch.Stop();
        return new MatcherRun(matcher, set, outcomes, hits, watch.Elapsed);
    }

    /// <summary>Gets whether query <paramref name="i"/> alerts: the matcher's own decision when no threshold is given.</summary>
    public bool Alerts(int i, double? threshold) =>
        threshold is { } t ? Outcomes[i].TopScore >= t : Outcomes[i].Alert ?? Outcomes[i].TopScore >= Matcher.Threshold;

    /// <summary>Scores the run the way <c>score.py</c> does, at a threshold or at the matcher's own decision.</summary>
    public Scorecard Score(double? threshold)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        int posHits = 0, posTotal = 0, negAlerts = 0, negTotal = 0;
        for (var i = 0; i < Outcomes.Count; i++)
        {
            var q = Set.Queries[i];
            var alert = Alerts(i, threshold);
            var ok = q.IsPositive ? alert && Hits[i] : alert;
            found[q.Class] = found.GetValueOrDefault(q.Class) + (ok ? 1 : 0);
            total[q.Class] = total.GetValueOrDefault(q.Class) + 1;
            if (q.IsPositive)
            {
                posHits += ok ? 1 : 0;
                posTotal++;
            }
            else
            {
                negAlerts += ok ? 1 : 0;
                negTotal++;
            }
        }

        var rates = Set.Classes.ToDictionary(c => c, c => total.TryGetValue(c, out var n) && n > 0 ? (double)found[c] / n : 0, StringComparer.Ordinal);
        return new Scorecard(threshold ?? Matcher.Threshold, rates, posTotal == 0 ? 0 : (double)posHits / posTotal, negTotal == 0 ? 0 : (double)negAlerts / negTotal);
    }

    /// <summary>Gets the best top score over all queries: no threshold above it can alert.</summary>
    public double MaxScore => Outcomes.Max(o => o.TopScore);

    /// <summary>
    /// Returns the lowest threshold at which this matcher raises no more false alerts on the negatives than
    /// <paramref name="falseAlertRate"/> allows.
    /// </summary>
    public double ThresholdForFalseAlertRate(double falseAlertRate)
    {
        var negatives = Enumerable.Range(0, Outcomes.Count)
            .Where(i => !Set.Queries[i].IsPositive)
            .Select(i => Outcomes[i].TopScore)
            .OrderDescending()
            .ToArray();
        var allowed = (int)Math.Floor(falseAlertRate * negatives.Length + 1e-9);
        if (allowed >= negatives.Length)
        {
            return double.Epsilon;
        }

        // Just above the (allowed+1)-th highest negative score: it and everything tied with it stay quiet.
        return Math.Max(double.Epsilon, Math.BitIncrement(negatives[allowed]));
    }
}

/// <summary>Recall per positive class and false-alert rate per negative class at one threshold.</summary>
internal sealed record Scorecard(double Threshold, IReadOnlyDictionary<string, double> Rates, double Recall, double FalseAlertRate);
