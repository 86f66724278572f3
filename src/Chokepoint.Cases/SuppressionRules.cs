using Chokepoint.Core;

namespace Chokepoint.Cases;

/// <summary>Applies approved false positives to a fresh screening result.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class SuppressionRules
{
    /// <summary>
    /// Marks matches covered by a suppression with the note "previously cleared by ... on ..." and recomputes the
    /// alert from the matches left.
    /// </summary>
    /// <param name="result">The engine's result.</param>
    /// <param name="partyKey">The party key of the query.</param>
    /// <param name="suppressions">The party's suppressions (any may have lapsed).</param>
    /// <param name="currentEntryHash">Returns the current fingerprint of a listed entry.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The result with notes, and whether anything was suppressed.</returns>
    public static (ScreeningResult Result, int Suppressed) Apply(ScreeningResult result, string partyKey, IReadOnlyList<Suppression> suppressions, Func<EntityId, string> currentEntryHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(suppressions);
        ArgumentNullException.ThrowIfNull(currentEntryHash);
        if (suppressions.Count == 0 || result.Matches.Count == 0)
        {
            return (result, 0);
        }

        var suppressed = 0;
        var alert = false;
        var matches = new ScreeningMatch[result.Matches.Count];
        for (var i = 0; i < matches.Length; i++)
        {
            var m = result.Matches[i];
            var id = m.EntityId.ToString();
            Suppression? cover = null;
            foreach (var s in suppressions)
            {
                if (s.Covers(partyKey, id, currentEntryHash(m.EntityId), now))
                {
                    cover = s;
                    break;
                }
            }

            if (cover is null)
            {
                alert |= m.Score >= result.Threshold;
                matches[i] = m;
            }
            else
            {
                suppressed++;
                matches[i] = m with { Explanation = m.Explanation with { Note = cover.ToNote() } };
            }
        }

        return (result with { Alert = alert, Matches = matches }, suppressed);
    }
}
