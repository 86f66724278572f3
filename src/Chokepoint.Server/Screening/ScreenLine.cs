using System.Globalization;
using Chokepoint.Cases;
using Chokepoint.Core;

namespace Chokepoint.Server.Screening;

/// <summary>One screening output line: the party, whether it alerts, the case it opened and the matches with reasons.</summary>
/// <param name="Id">The caller's id, echoed.</param>
/// <param name="Name">The name screened.</param>
/// <param name="Alert">Whether the result alerts (after approved false positives are taken out).</param>
/// <param name="Threshold">The alert threshold applied.</param>
/// <param name="CaseId">The case the alert opened or joined, or null.</param>
/// <param name="Suppressed">How many matches were previously cleared.</param>
/// <param name="Matches">The matches, best first.</param>
/// <param name="Error">Why the party could not be screened, or null.</param>
public sealed record ScreenLine(string? Id, string Name, bool Alert, double Threshold, Guid? CaseId, int Suppressed, IReadOnlyList<ScreenLineMatch> Matches, string? Error)
{
    /// <summary>The CSV header matching <see cref="ToCsv"/>.</summary>
    public const string CsvHeader = "id,name,alert,case_id,suppressed,top_entity_id,top_name,top_score,top_note,error";

    /// <summary>Builds the line for a screening outcome.</summary>
    public static ScreenLine From(PartyQuery query, ScreenOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(outcome);
        var r = outcome.Result;
        var matches = r.Matches.Select(m => new ScreenLineMatch(m.EntityId.ToString(), m.Name, m.Schema, Math.Round(m.Score, 4), m.Explanation.Note, m.Explanation)).ToList();
        return new ScreenLine(query.Id, query.Name, r.Alert, r.Threshold, outcome.CaseId, outcome.Suppressed, matches, r.Error);
    }

    /// <summary>Returns the line as one CSV record (no line break), with formula-like cells neutralised.</summary>
    public string ToCsv()
    {
        var top = Matches.Count > 0 ? Matches[0] : null;
        return CsvText.Line(
            Id,
            Name,
            Alert ? "true" : "false",
            CaseId?.ToString(),
            Suppressed.ToString(CultureInfo.InvariantCulture),
            top?.EntityId,
            top?.Name,
            top?.Score.ToString("0.####", CultureInfo.InvariantCulture),
            top?.Note,
            Error);
    }
}

/// <summary>One match in a screening output line.</summary>
/// <param name="EntityId">The listed entity.</param>
/// <param name="Name">The listed name that matched best.</param>
/// <param name="Schema">The listed entity's kind.</param>
/// <param name="Score">The score in [0, 1].</param>
/// <param name="Note">"previously cleared by ... on ..." when suppressed, else null.</param>
/// <param name="Explanation">How the score came about.</param>
public sealed record ScreenLineMatch(string EntityId, string Name, EntitySchema Schema, double Score, string? Note, MatchExplanation Explanation);
