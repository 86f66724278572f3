using Chokepoint.Core;

namespace Chokepoint.Accuracy;

/// <summary>A name matcher under evaluation: Chokepoint itself or one of the baselines.</summary>
/// <remarks>Implementations are built once and then called from several threads at once.</remarks>
internal interface IEvalMatcher
{
    /// <summary>Gets the short name used on the command line and in file names.</summary>
    string Name { get; }

    /// <summary>Gets the alert threshold a deployment of this matcher customarily uses.</summary>
    double Threshold { get; }

    /// <summary>Returns the best listed entities for the query, best first, at most <paramref name="top"/>.</summary>
    MatcherOutcome Screen(PartyQuery query, int top);
}

/// <summary>One listed entity a matcher returned.</summary>
internal readonly record struct RankedMatch(EntityId EntityId, double Score, string Name, EntitySchema Schema);

/// <summary>What a matcher returned for one query.</summary>
/// <param name="Matches">Entities, best first.</param>
/// <param name="TopScore">The best score (0 when nothing was found); the alert decision compares it with a threshold.</param>
/// <param name="Alert">The matcher's own alert decision where it makes one (Chokepoint), else null.</param>
/// <param name="Error">Why the query could not be screened, or null.</param>
internal sealed record MatcherOutcome(IReadOnlyList<RankedMatch> Matches, double TopScore, bool? Alert = null, string? Error = null)
{
    public static readonly MatcherOutcome Empty = new([], 0);
}
