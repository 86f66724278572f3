using Chokepoint.Core;
using FuzzySharp;

namespace Chokepoint.Accuracy.Baselines;

/// <summary>
/// FuzzySharp's token-set ratio (the fuzzywuzzy approach) between the query and each candidate name.
/// </summary>
/// <remarks>
/// Scanning every name for every query is slow, so candidates are first ranked by character-trigram overlap (Dice)
/// and the best <see cref="MaxCandidates"/> are scored; with <c>exhaustive</c> every name is scored. The harness's
/// <c>--prefilter-check</c> measures how many top-5 matches the prefilter loses against the exhaustive scan.
/// </remarks>
internal sealed class TokenSetRatioMatcher : IEvalMatcher
{
    public const int MaxCandidates = 1000;

    private readonly BaselineCorpus _corpus;
    private readonly PostingIndex _trigrams;
    private readonly int[] _trigramCounts;
    private readonly bool _exhaustive;
    private readonly ThreadLocal<CandidateCounter> _counter;

    public TokenSetRatioMatcher(BaselineCorpus corpus, bool exhaustive = false)
    {
        _corpus = corpus;
        _exhaustive = exhaustive;
        _trigrams = PostingIndex.Build(corpus.Names, n => Trigrams(n.Tokens));
        _trigramCounts = [.. corpus.Names.Select(n => Trigrams(n.Tokens).Distinct(StringComparer.Ordinal).Count())];
        _counter = new ThreadLocal<CandidateCounter>(() => new CandidateCounter(corpus.Names.Count));
    }

    public string Name => _exhaustive ? "fuzzysharp-exhaustive" : "fuzzysharp";

    public double Threshold => 0.85;

    public MatcherOutcome Screen(PartyQuery query, int top)
    {
        var text = BaselineCorpus.Normalize(query.Name);
        if (text.Length == 0)
        {
            return MatcherOutcome.Empty;
        }

        var best = new Dictionary<int, (double Score, int Name)>();
        if (_exhaustive)
        {
            for (var i = 0; i < _corpus.Names.Count; i++)
            {
                _corpus.Offer(best, i, ScorePair(text, _corpus.Names[i].Normalized));
            }

            return _corpus.Rank(best, top);
        }

        var keys = Trigrams(BaselineCorpus.Tokenize(text)).Distinct(StringComparer.Ordinal).ToArray();
        var counter = _counter.Value!;
        try
        {
            foreach (var key in keys)
            {
                counter.Add(_trigrams.Get(key));
            }

            var candidates = counter.Touched.ToArray();
            var dice = new double[candidates.Length];
            for (var i = 0; i < candidates.Length; i++)
            {
                // Negated so the ascending sort puts the closest names first.
                dice[i] = -2.0 * counter.Count(candidates[i]) / (keys.Length + _trigramCounts[candidates[i]]);
            }

            Array.Sort(dice, candidates);
            var n = Math.Min(candidates.Length, MaxCandidates);
            for (var i = 0; i < n; i++)
            {
                _corpus.Offer(best, candidates[i], ScorePair(text, _corpus.Names[candidates[i]].Normalized));
            }
        }
        finally
        {
            counter.Clear();
        }

        return _corpus.Rank(best, top);
    }

    /// <summary>Scores two normalised names on their own.</summary>
    public static double ScorePair(string a, string b) => Fuzz.TokenSetRatio(a, b) / 100.0;

    /// <summary>Character trigrams of each token padded with one space on either side.</summary>
    private static IEnumerable<string> Trigrams(IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            var padded = " " + token + " ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                yield return padded.Substring(i, 3);
            }
        }
    }
}
