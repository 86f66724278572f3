using System.Globalization;
using System.Text;
using System.Text.Json;
using Chokepoint.Accuracy.Baselines;
using Chokepoint.Core;
using Chokepoint.Text;

namespace Chokepoint.Accuracy;

/// <summary>
/// Evaluates same-party decisions on labelled name pairs: precision, recall and F1 of Chokepoint's
/// <c>NameComparer</c> and of the pair scorers behind the baselines.
/// </summary>
internal static class PairEvaluation
{
    private sealed record LabelledPair(string Id, PartyQuery A, PartyQuery B, bool Match);

    private sealed record PairScorer(string Name, double Threshold, Func<PartyQuery, PartyQuery, double> Score);

    public static void Run(HarnessOptions options)
    {
        var pairs = Read(options.Pairs!);
        var positives = pairs.Count(p => p.Match);
        Console.WriteLine($"pairs: {pairs.Count} ({positives} same party, {pairs.Count - positives} different)");

        var sb = new StringBuilder();
        sb.Append("#### Name pairs\n\n| matcher | threshold | precision | recall | F1 | best F1 (threshold tuned on this set) |\n|---|---:|---:|---:|---:|---:|\n");

        // Chokepoint decides for itself; its score also gives the tuned figure.
        var chokepoint = pairs.Select(p => NameComparer.Compare(p.A, p.B)).ToArray();
        var decided = Measure(pairs, i => chokepoint[i].Match);
        var tuned = BestF1(pairs, [.. chokepoint.Select(c => c.Score)]);
        Row(sb, "chokepoint", NameComparer.DefaultThreshold, decided, tuned);

        PairScorer[] baselines =
        [
            new("fuzzysharp", 0.85, (a, b) => TokenSetRatioMatcher.ScorePair(BaselineCorpus.Normalize(a.Name), BaselineCorpus.Normalize(b.Name))),
            new("jarowinkler", 0.90, (a, b) => JaroWinklerSoundexMatcher.ScorePair(BaselineCorpus.Normalize(a.Name), BaselineCorpus.Normalize(b.Name))),
            new("overlap", 0.5, (a, b) => TokenOverlapMatcher.ScorePair(BaselineCorpus.Normalize(a.Name), BaselineCorpus.Normalize(b.Name))),
        ];
        foreach (var scorer in baselines.Where(s => options.Matchers.Contains(s.Name)))
        {
            var scores = pairs.Select(p => scorer.Score(p.A, p.B)).ToArray();
            Row(sb, scorer.Name, scorer.Threshold, Measure(pairs, i => scores[i] >= scorer.Threshold), BestF1(pairs, scores));
        }

        Console.WriteLine();
        Console.WriteLine(sb);
        Directory.CreateDirectory(options.Out);
        File.WriteAllText(Path.Combine(options.Out, "pairs-summary.md"), sb.ToString());
    }

    private static List<LabelledPair> Read(string path)
    {
        var pairs = new List<LabelledPair>();
        foreach (var (root, lineNo) in JsonLines.Read(path))
        {
            if (!root.TryGetProperty("a", out var a) || !root.TryGetProperty("b", out var b))
            {
                throw new InvalidDataException($"{path}:{lineNo}: fields 'a' and 'b': both parties are required.");
            }

            if (!root.TryGetProperty("match", out var match) || match.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new InvalidDataException($"{path}:{lineNo}: field 'match': missing or not true/false.");
            }

            var id = root.TryGetProperty("id", out var idElement) ? idElement.ToString() : lineNo.ToString(CultureInfo.InvariantCulture);
            pairs.Add(new LabelledPair(id, EvalSet.ReadParty(a, path, lineNo), EvalSet.ReadParty(b, path, lineNo), match.GetBoolean()));
        }

        return pairs.Count > 0 ? pairs : throw new InvalidDataException($"{path}: no pairs.");
    }

    private static (double Precision, double Recall, double F1) Measure(List<LabelledPair> pairs, Func<int, bool> predicted)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            var p = predicted(i);
            tp += p && pairs[i].Match ? 1 : 0;
            fp += p && !pairs[i].Match ? 1 : 0;
            fn += !p && pairs[i].Match ? 1 : 0;
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    /// <summary>The best F1 over every threshold: an upper bound, since the threshold is tuned on the pairs themselves.</summary>
    private static (double F1, double Threshold) BestF1(List<LabelledPair> pairs, double[] scores)
    {
        var best = (F1: 0.0, Threshold: 0.0);
        foreach (var t in scores.Distinct())
        {
            var f1 = Measure(pairs, i => scores[i] >= t).F1;
            if (f1 > best.F1)
            {
                best = (f1, t);
            }
        }

        return best;
    }

    private static void Row(StringBuilder sb, string name, double threshold, (double Precision, double Recall, double F1) m, (double F1, double Threshold) tuned) =>
        sb.Append(CultureInfo.InvariantCulture, $"| {name} | {threshold:0.00} | {m.Precision:0.000} | {m.Recall:0.000} | {m.F1:0.000} | {tuned.F1:0.000} at {tuned.Threshold:0.000} |\n");
}
