namespace Chokepoint.Text;

/// <summary>Settings fixed when a <see cref="ScreeningEngine"/> is built.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record MatcherOptions
{
    /// <summary>Gets the default alert threshold, chosen on the development evaluation set (see docs/matching.md).</summary>
    public const double RecommendedThreshold = 0.70;

    /// <summary>Gets the score at or above which a screening alerts when the call does not say.</summary>
    /// <value>0.70 (<see cref="RecommendedThreshold"/>).</value>
    public double Threshold { get; init; } = RecommendedThreshold;

    /// <summary>Gets how many listed names the candidate index hands to exact scoring per query.</summary>
    /// <value>100.</value>
    public int MaxCandidates { get; init; } = 100;

    /// <summary>Gets whether every listed name is scored exactly, bypassing the candidate index.</summary>
    /// <remarks>Slow; meant for measuring how many matches the index loses.</remarks>
    /// <value>false.</value>
    public bool Exhaustive { get; init; }
}
