using System.Globalization;
using Chokepoint.Core;

namespace Chokepoint.Server.Web;

/// <summary>One match as the results page shows it: both names split for highlighting, and the listed entry.</summary>
/// <param name="Match">The engine's match.</param>
/// <param name="Entry">The listed entry, or null when it is no longer in force.</param>
/// <param name="QueryName">The query's name, split into segments.</param>
/// <param name="ListedName">The listed name that matched, split into segments.</param>
/// <param name="Alerts">Whether the score reaches the threshold (and the match was not cleared before).</param>
public sealed record MatchView(ScreeningMatch Match, ListEntry? Entry, IReadOnlyList<NameSegment> QueryName, IReadOnlyList<NameSegment> ListedName, bool Alerts)
{
    /// <summary>Builds the views of a result's matches.</summary>
    /// <param name="queryName">The name screened.</param>
    /// <param name="result">The result.</param>
    /// <param name="entry">Finds a listed entry by id.</param>
    public static IReadOnlyList<MatchView> From(string queryName, ScreeningResult result, Func<EntityId, ListEntry?> entry)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(entry);
        var views = new List<MatchView>(result.Matches.Count);
        foreach (var m in result.Matches)
        {
            var alignments = m.Explanation.Alignments;
            views.Add(new MatchView(
                m,
                entry(m.EntityId),
                NameHighlighter.ForQuery(queryName, alignments),
                NameHighlighter.ForListed(m.Name, alignments),
                m.Score >= result.Threshold && m.Explanation.Note is null));
        }

        return views;
    }

    /// <summary>Formats a score with two decimals, as analysts read it.</summary>
    public static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Formats a score change with its sign (+0.05, −0.10).</summary>
    public static string Effect(double effect) =>
        (effect >= 0 ? "+" : "−") + Math.Abs(effect).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Formats a date as ISO text.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats a timestamp as ISO UTC text to the minute.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
