using Chokepoint.Core;

namespace Chokepoint.Text;

/// <summary>The outcome of comparing two parties.</summary>
/// <param name="Score">Calibrated score in [0, 1].</param>
/// <param name="Match">True when the score reaches <see cref="NameComparer.DefaultThreshold"/>.</param>
/// <param name="Explanation">How the score came about.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record PairComparison(double Score, bool Match, MatchExplanation Explanation);

/// <summary>Compares two parties (names plus secondary evidence) without a list corpus.</summary>
/// <remarks>
/// Without a corpus every token of the same length weighs the same. The score is symmetric in the names: it is the
/// mean of the two directed scores. Stateless and thread-safe.
/// </remarks>
public static class NameComparer
{
    /// <summary>The score at or above which two parties are reported as a match.</summary>
    public const double DefaultThreshold = MatcherOptions.RecommendedThreshold;

    /// <summary>Compares two parties.</summary>
    /// <param name="a">The first party.</param>
    /// <param name="b">The second party.</param>
    /// <exception cref="ArgumentNullException">A party is null.</exception>
    public static PairComparison Compare(PartyQuery a, PartyQuery b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var empty = new MatchExplanation(0, [], [], [], []);
        if (ScreeningEngine.ValidateName(a.Name) is { } ea)
        {
            return new PairComparison(0, false, empty with { Note = "a: " + ea });
        }

        if (ScreeningEngine.ValidateName(b.Name) is { } eb)
        {
            return new PairComparison(0, false, empty with { Note = "b: " + eb });
        }

        var fa = NameForm.Create(a.Name, a.Schema, UniformRarity.Instance);
        var fb = NameForm.Create(b.Name, b.Schema, UniformRarity.Instance);
        var alignments = new List<TokenAlignment>();
        var unmatchedA = new List<string>();
        var unmatchedB = new List<string>();
        var ab = NameScorer.Score(fa, fb, alignments, unmatchedA, unmatchedB);
        var ba = NameScorer.Score(fb, fa);
        var nameScore = (ab + ba) / 2;
        var evidence = new List<EvidenceEffect>();
        var dates = b.BirthDate is { } d ? new[] { d } : [];
        var countries = b.Country is { } c ? new[] { c } : [];
        var score = nameScore + EvidenceScorer.Apply(a, fa.ImpliedSchema, b.Schema, dates, countries, [], [], evidence);
        score = Math.Round(Math.Clamp(score, 0.0, 1.0), 4);
        var explanation = new MatchExplanation(Math.Round(nameScore, 4), alignments, unmatchedA, unmatchedB, evidence);
        return new PairComparison(score, score >= DefaultThreshold, explanation);
    }
}
