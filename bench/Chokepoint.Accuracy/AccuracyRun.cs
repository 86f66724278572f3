using System.Diagnostics;
using System.Globalization;
using System.Text;
using Chokepoint.Accuracy.Baselines;
using Chokepoint.Core;

namespace Chokepoint.Accuracy;

/// <summary>Runs every matcher over the labelled set, compares them at equal false-alert rate and writes the results.</summary>
internal static class AccuracyRun
{
    public static void Run(HarnessOptions options)
    {
        var entries = Corpus.Load(options.Lists!);
        var set = EvalSet.Load(options.Queries!, options.Truth!);
        if (options.Restyle is { } style)
        {
            set = set.Restyled(style);
            Console.WriteLine($"queries written in Cyrillic, respelt the {style} way");
        }

        if (options.Sample > 0)
        {
            set = set.Sample(options.Sample);
        }

        Console.WriteLine($"queries: {set.Queries.Count} in {set.Classes.Count} classes");
        Directory.CreateDirectory(options.Out);

        var baselineCorpus = new Lazy<BaselineCorpus>(() => BaselineCorpus.Build(entries));
        var runs = new List<MatcherRun>();
        foreach (var name in options.Matchers)
        {
            var watch = Stopwatch.StartNew();
            IEvalMatcher matcher = name switch
            {
                "chokepoint" => ChokepointMatcher.Build(entries),
                "lucene" => new LuceneFuzzyMatcher(baselineCorpus.Value),
                "fuzzysharp" => new TokenSetRatioMatcher(baselineCorpus.Value),
                "jarowinkler" => new JaroWinklerSoundexMatcher(baselineCorpus.Value),
                "overlap" => new TokenOverlapMatcher(baselineCorpus.Value),
                _ => throw new UnreachableException(name),
            };
            var built = watch.Elapsed;
            var run = MatcherRun.Execute(matcher, set);
            runs.Add(run);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-12} built in {built.TotalSeconds:0.0} s; screened {set.Queries.Count} queries in {run.Elapsed.TotalSeconds:0.0} s ({set.Queries.Count / run.Elapsed.TotalSeconds:0} queries/s, {Environment.ProcessorCount} threads)"));
            (matcher as IDisposable)?.Dispose();
        }

        var summary = new StringBuilder();
        var own = runs.Select(r => new Report.Column(r, null, r.Score(null))).ToList();
        summary.Append(Report.Table("Each matcher at its own threshold", own)).Append('\n');
        foreach (var c in own)
        {
            ResultWriter.Write(c.Run, null, Path.Combine(options.Out, c.Run.Matcher.Name + ".jsonl"));
        }

        var chokepoint = own.FirstOrDefault(c => c.Run.Matcher is ChokepointMatcher);
        if (chokepoint is not null && own.Count > 1)
        {
            var far = chokepoint.Card.FalseAlertRate;
            var equal = new List<Report.Column> { chokepoint };
            foreach (var c in own.Where(c => c != chokepoint))
            {
                var t = Math.Min(c.Run.ThresholdForFalseAlertRate(far), c.Run.MaxScore);
                equal.Add(new Report.Column(c.Run, t, c.Run.Score(t)));
                ResultWriter.Write(c.Run, t, Path.Combine(options.Out, c.Run.Matcher.Name + "-equal-far.jsonl"));
            }

            summary.Append(Report.Table(string.Create(CultureInfo.InvariantCulture, $"Baselines at Chokepoint's false-alert rate ({far:0.000})"), equal));
            summary.Append("\nA baseline that cannot get down to that rate at any threshold is shown at its strictest threshold (its best score); its false-alert row then reads above Chokepoint's.\n\n");
        }

        summary.Append(Report.RecallAtRates(runs, [0.01, 0.02, 0.05, 0.08])).Append('\n');
        if (chokepoint is not null)
        {
            summary.Append(Report.Failures(chokepoint.Run, 5)).Append('\n');
        }

        if (options.IndexLoss)
        {
            summary.Append(IndexLoss(entries, set, chokepoint?.Run)).Append('\n');
        }

        if (options.PrefilterCheck > 0)
        {
            summary.Append(PrefilterLoss(baselineCorpus.Value, set.Sample(options.PrefilterCheck))).Append('\n');
        }

        Console.WriteLine();
        Console.WriteLine(summary);
        File.WriteAllText(Path.Combine(options.Out, "summary.md"), summary.ToString());
        Console.WriteLine($"results: {Path.GetFullPath(options.Out)}");
    }

    /// <summary>The fraction of the exhaustive scan's top-5 true matches that the candidate index misses.</summary>
    private static string IndexLoss(IReadOnlyList<ListEntry> entries, EvalSet set, MatcherRun? indexed)
    {
        indexed ??= MatcherRun.Execute(ChokepointMatcher.Build(entries), set);
        var exhaustive = MatcherRun.Execute(ChokepointMatcher.Build(entries, exhaustive: true), set);
        return LossLine("Candidate index vs exhaustive scan (Chokepoint)", exhaustive, indexed);
    }

    private static string PrefilterLoss(BaselineCorpus corpus, EvalSet sample)
    {
        var exhaustive = MatcherRun.Execute(new TokenSetRatioMatcher(corpus, exhaustive: true), sample);
        var prefiltered = MatcherRun.Execute(new TokenSetRatioMatcher(corpus), sample);
        return LossLine("Trigram prefilter vs exhaustive scan (FuzzySharp)", exhaustive, prefiltered);
    }

    private static string LossLine(string title, MatcherRun exhaustive, MatcherRun candidate)
    {
        int found = 0, lost = 0, gained = 0;
        for (var i = 0; i < exhaustive.Outcomes.Count; i++)
        {
            if (!exhaustive.Set.Queries[i].IsPositive)
            {
                continue;
            }

            var a = exhaustive.Hits[i] && exhaustive.Alerts(i, null);
            var b = candidate.Hits[i] && candidate.Alerts(i, null);
            found += a ? 1 : 0;
            lost += a && !b ? 1 : 0;
            gained += b && !a ? 1 : 0;
        }

        var speedup = exhaustive.Elapsed / candidate.Elapsed;
        return string.Create(CultureInfo.InvariantCulture,
            $"#### {title}\n\n{exhaustive.Set.Queries.Count} queries: the exhaustive scan finds {found} positives (top 5 and alert); the candidate path misses {lost} of them ({(found == 0 ? 0 : (double)lost / found):0.0000}) and finds {gained} the scan does not. Exhaustive {exhaustive.Elapsed.TotalSeconds:0.0} s, candidates {candidate.Elapsed.TotalSeconds:0.0} s ({speedup:0.0}x).\n");
    }
}
