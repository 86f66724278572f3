using System.Globalization;
using Chokepoint.Core;

namespace Chokepoint.Text;

/// <summary>Moves a name score by secondary evidence: birth date, country, kind of party and identifiers.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class EvidenceScorer
{
    public const double BirthDateMatch = 0.05;
    public const double FullBirthDateMatch = 0.08;
    public const double BirthYearMismatch = -0.12;
    public const double CountryMatch = 0.03;
    public const double PersonSchemaConflict = -0.15;
    public const double OtherSchemaConflict = -0.08;
    public const double DecisiveScore = 0.99;

    /// <summary>The most that <see cref="Apply"/> can add to a name score: a full birth date and a country.</summary>
    public const double MaxGain = FullBirthDateMatch + CountryMatch;

    /// <summary>
    /// Returns the sum of the effects; adds each to <paramref name="evidence"/> when given. <paramref name="querySchema"/> is
    /// the query's kind as given, or an organisation when unstated and the name has a legal form.
    /// </summary>
    public static double Apply(PartyQuery query, EntitySchema querySchema, EntitySchema listedSchema, IReadOnlyList<BirthDate> birthDates,
        IReadOnlyList<string> nationalities, IReadOnlyList<string> citizenships, IReadOnlyList<string> countries, List<EvidenceEffect>? evidence)
    {
        var total = 0.0;
        if (querySchema != EntitySchema.Unknown && listedSchema != EntitySchema.Unknown && querySchema != listedSchema)
        {
            var effect = querySchema == EntitySchema.Person || listedSchema == EntitySchema.Person ? PersonSchemaConflict : OtherSchemaConflict;
            total += effect;
            var given = querySchema == query.Schema ? "" : " (a legal form in the name)";
            evidence?.Add(new EvidenceEffect("schema", "mismatch", effect, $"query {Lower(querySchema)}{given}, listed {Lower(listedSchema)}"));
        }

        if (query.BirthDate is { } qd && birthDates.Count > 0)
        {
            var outcome = BirthOutcome(qd, birthDates, out var listedAt);
            if (outcome != 0)
            {
                total += outcome;
                evidence?.Add(new EvidenceEffect("birthDate", outcome > 0 ? "match" : "mismatch", outcome, $"query {qd}, listed {birthDates[listedAt]}"));
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Country)
            && (Contains(nationalities, query.Country) || Contains(citizenships, query.Country) || Contains(countries, query.Country)))
        {
            total += CountryMatch;
            evidence?.Add(new EvidenceEffect("country", "match", CountryMatch, $"query {query.Country}"));
        }

        return total;
    }

    private static string Lower(EntitySchema s) => s.ToString().ToLowerInvariant();

    // Runs for every candidate entity, so it reports the date it chose by position and indexes rather than enumerates.
    private static double BirthOutcome(BirthDate q, IReadOnlyList<BirthDate> listed, out int listedAt)
    {
        var nearest = int.MaxValue;
        listedAt = 0;
        for (var k = 0; k < listed.Count; k++)
        {
            var d = listed[k];
            if (q.Month != 0 && q.Day != 0 && d.Year == q.Year && d.Month == q.Month && d.Day == q.Day)
            {
                listedAt = k;
                return FullBirthDateMatch;
            }

            var gap = q.ToYear < d.Year ? d.Year - q.ToYear : q.Year > d.ToYear ? q.Year - d.ToYear : 0;
            if (gap < nearest)
            {
                nearest = gap;
                listedAt = k;
            }
        }

        // A year apart is a common clerical slip, so it neither raises nor lowers.
        return nearest == 0 ? BirthDateMatch : nearest == 1 ? 0 : BirthYearMismatch;
    }

    private static bool Contains(IReadOnlyList<string> values, string country)
    {
        for (var k = 0; k < values.Count; k++)
        {
            if (string.Equals(values[k], country, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns an identifier value reduced to upper-case letters and digits (case, spaces, dashes ignored).</summary>
    public static string NormalizeIdentifier(string value)
    {
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToUpper(c, CultureInfo.InvariantCulture);
            }
        }

        return new string(buffer[..n]);
    }
}
