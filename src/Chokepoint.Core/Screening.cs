namespace Chokepoint.Core;

/// <summary>Screens one party against the loaded lists.</summary>
/// <remarks>Implementations are immutable after construction and safe to call from many threads at once.</remarks>
public interface IPartyScreener
{
    /// <summary>Returns the listed entities the party may be, best first, with the alert decision.</summary>
    ScreeningResult Screen(PartyQuery query, ScreeningOptions? options = null);

    /// <summary>Gets the threshold a screening uses when <see cref="ScreeningOptions.Threshold"/> is null, or null when it is not known beforehand.</summary>
    double? DefaultThreshold => null;
}

/// <summary>Per-call screening settings.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScreeningOptions
{
    /// <summary>Gets how many matches to return.</summary>
    /// <value>5.</value>
    public int Top { get; init; } = 5;

    /// <summary>Gets the score at or above which the result alerts; null uses the engine's documented default.</summary>
    public double? Threshold { get; init; }

    /// <summary>Gets the lowest score worth returning as a match (below the alert threshold, for context).</summary>
    /// <value>0.5.</value>
    public double MinScore { get; init; } = 0.5;
}

/// <summary>The outcome of screening one party.</summary>
/// <param name="QueryId">The query's id, echoed.</param>
/// <param name="Alert">True when the best score reaches the threshold.</param>
/// <param name="Threshold">The threshold that was applied.</param>
/// <param name="Matches">Candidate entities, best first.</param>
/// <param name="Error">Why the query could not be screened (empty name, too long…), or null.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScreeningResult(string? QueryId, bool Alert, double Threshold, IReadOnlyList<ScreeningMatch> Matches, string? Error = null);

/// <summary>One listed entity a party may be.</summary>
/// <param name="EntityId">The listed entity.</param>
/// <param name="Score">Calibrated score in [0, 1].</param>
/// <param name="Name">The listed name that matched best.</param>
/// <param name="Schema">The listed entity's kind.</param>
/// <param name="Explanation">How the score came about.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScreeningMatch(EntityId EntityId, double Score, string Name, EntitySchema Schema, MatchExplanation Explanation);

/// <summary>How a query token met a listed token.</summary>
public enum TokenMatchKind
{
    /// <summary>Identical after normalisation (case, diacritics, confusables).</summary>
    Exact,

    /// <summary>Identical after mapping both to a common romanisation (script or romanisation system differs).</summary>
    Transliteration,

    /// <summary>Sounds alike (phonetic key or known name variant such as Mohammed/Muhammad).</summary>
    Phonetic,

    /// <summary>Within a small edit distance (typo, transposition, doubled letter).</summary>
    EditDistance,

    /// <summary>An initial met a full given name.</summary>
    Initial,

    /// <summary>Equivalent legal forms or abbreviations (OOO/LLC, NPO/Scientific Production Association).</summary>
    Synonym,

    /// <summary>Tokens joined or split differently (Abdul Rahman / Abdulrahman).</summary>
    Compound,

    /// <summary>An acronym met the words it stands for (AFK / Aktsionernaya Finansovaya Korporatsiya).</summary>
    Acronym,
}

/// <summary>One aligned pair of tokens.</summary>
/// <param name="Query">The query token as normalised.</param>
/// <param name="Listed">The listed token as normalised.</param>
/// <param name="Kind">How they matched.</param>
/// <param name="Similarity">Similarity in [0, 1].</param>
public sealed record TokenAlignment(string Query, string Listed, TokenMatchKind Kind, double Similarity);

/// <summary>How a piece of secondary evidence moved the score.</summary>
/// <param name="Kind">What was compared: <c>birthDate</c>, <c>country</c>, <c>schema</c>, <c>identifier</c>.</param>
/// <param name="Outcome"><c>match</c>, <c>mismatch</c> or <c>decisive</c>.</param>
/// <param name="Effect">The change to the score (positive raises it).</param>
/// <param name="Detail">Readable detail, e.g. "query 1964, listed 1964-05-13".</param>
public sealed record EvidenceEffect(string Kind, string Outcome, double Effect, string Detail);

/// <summary>Why a match scored what it did: the aligned tokens, what was left over, and the secondary evidence.</summary>
/// <param name="NameScore">The score from names alone.</param>
/// <param name="Alignments">Query tokens aligned with listed tokens.</param>
/// <param name="UnmatchedQuery">Query tokens that met nothing.</param>
/// <param name="UnmatchedListed">Listed tokens that met nothing.</param>
/// <param name="Evidence">Secondary evidence and its effect.</param>
/// <param name="Note">Extra context (e.g. "previously cleared by ..."), or null.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record MatchExplanation(
    double NameScore,
    IReadOnlyList<TokenAlignment> Alignments,
    IReadOnlyList<string> UnmatchedQuery,
    IReadOnlyList<string> UnmatchedListed,
    IReadOnlyList<EvidenceEffect> Evidence,
    string? Note = null);
