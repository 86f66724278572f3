using Chokepoint.Core;

namespace Chokepoint.Accuracy.Baselines;

/// <summary>Plain token overlap: the Jaccard index of the query's and the name's token sets. A sanity check.</summary>
internal sealed class TokenOverlapMatcher : IEvalMatcher
{
    private readonly BaselineCorpus _corpus;
    private readonly PostingIndex _tokens;
    private readonly int[] _distinctTokens;
    private readonly ThreadLocal<CandidateCounter> _counter;

    public TokenOverlapMatcher(BaselineCorpus corpus)
    {
        _corpus = corpus;
        _tokens = PostingIndex.Build(corpus.Names, n => n.Tokens);
        _distinctTokens = [.. corpus.Names.Select(n => n.Tokens.Distinct(StringComparer.Ordinal).Count())];
        _counter = new ThreadLocal<CandidateCounter>(() => new CandidateCounter(corpus.Names.Count));
    }

    public string Name => "overlap";

    public double Threshold => 0.5;

    public MatcherOutcome Screen(PartyQuery query, int top)
    {
        var tokens = BaselineCorpus.Tokenize(BaselineCorpus.Normalize(query.Name)).Distinct(StringComparer.Ordinal).ToArray();
        if (tokens.Length == 0)
        {
            return MatcherOutcome.Empty;
        }

        var best = new Dictionary<int, (double Score, int Name)>();
        var counter = _counter.Value!;
        try
        {
            foreach (var token in tokens)
            {
                counter.Add(_tokens.Get(token));
            }

            foreach (var i in counter.Touched)
            {
                var shared = counter.Count(i);
                _corpus.Offer(best, i, (double)shared / (tokens.Length + _distinctTokens[i] - shared));
            }
        }
        finally
        {
            counter.Clear();
        }

        return _corpus.Rank(best, top);
    }

    /// <summary>Scores two normalised names on their own.</summary>
    public static double ScorePair(string a, string b)
    {
        var x = BaselineCorpus.Tokenize(a).ToHashSet(StringComparer.Ordinal);
        var y = BaselineCorpus.Tokenize(b).ToHashSet(StringComparer.Ordinal);
        var union = x.Count + y.Count - x.Count(y.Contains);
        return union == 0 ? 0 : (double)(x.Count + y.Count - union) / union;
    }
}
