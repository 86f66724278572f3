using Chokepoint.Core;
using F23.StringSimilarity;

namespace Chokepoint.Accuracy.Baselines;

/// <summary>
/// The OFAC Sanctions List Search approach: candidates are the names sharing a Soundex code with a query token, scored
/// by Jaro-Winkler on the whole normalised name.
/// </summary>
/// <remarks>
/// The score is the better of the name as written and both names with their tokens sorted, so "LAST, First" against
/// "First Last" is not penalised; a deployment would do the same.
/// </remarks>
internal sealed class JaroWinklerSoundexMatcher : IEvalMatcher
{
    private readonly BaselineCorpus _corpus;
    private readonly PostingIndex _codes;
    private readonly string[] _sorted;
    private static readonly JaroWinkler Similarity = new();
    private readonly ThreadLocal<CandidateCounter> _counter;

    public JaroWinklerSoundexMatcher(BaselineCorpus corpus)
    {
        _corpus = corpus;
        _codes = PostingIndex.Build(corpus.Names, n => Codes(n.Tokens));
        _sorted = [.. corpus.Names.Select(n => SortedTokens(n.Tokens))];
        _counter = new ThreadLocal<CandidateCounter>(() => new CandidateCounter(corpus.Names.Count));
    }

    public string Name => "jarowinkler";

    public double Threshold => 0.90;

    public MatcherOutcome Screen(PartyQuery query, int top)
    {
        var text = BaselineCorpus.Normalize(query.Name);
        var tokens = BaselineCorpus.Tokenize(text);
        if (tokens.Length == 0)
        {
            return MatcherOutcome.Empty;
        }

        var sorted = SortedTokens(tokens);
        var best = new Dictionary<int, (double Score, int Name)>();
        var counter = _counter.Value!;
        try
        {
            foreach (var code in Codes(tokens).Distinct(StringComparer.Ordinal))
            {
                counter.Add(_codes.Get(code));
            }

            foreach (var i in counter.Touched)
            {
                _corpus.Offer(best, i, Score(text, sorted, _corpus.Names[i].Normalized, _sorted[i]));
            }
        }
        finally
        {
            counter.Clear();
        }

        return _corpus.Rank(best, top);
    }

    /// <summary>Scores two normalised names on their own.</summary>
    public static double ScorePair(string a, string b) =>
        Score(a, SortedTokens(BaselineCorpus.Tokenize(a)), b, SortedTokens(BaselineCorpus.Tokenize(b)));

    private static double Score(string a, string sortedA, string b, string sortedB) =>
        Math.Max(Similarity.Similarity(a, b), Similarity.Similarity(sortedA, sortedB));

    private static IEnumerable<string> Codes(IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            // Initials would make every name with that letter a candidate.
            if (token.Length > 1 && Soundex.Encode(token) is { } code)
            {
                yield return code;
            }
        }
    }

    private static string SortedTokens(string[] tokens) => string.Join(' ', tokens.Order(StringComparer.Ordinal));
}
