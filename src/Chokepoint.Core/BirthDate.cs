using System.Globalization;

namespace Chokepoint.Core;

/// <summary>
/// A date of birth as lists publish it: a full date, a year and month, a year, or a range of years.
/// </summary>
/// <remarks>
/// Month and day are 0 when unknown. <see cref="ToYear"/> equals <see cref="Year"/> unless the list gives a range
/// ("circa 1960-1965", UN <c>FROM_YEAR</c>/<c>TO_YEAR</c>). This type is immutable and thread-safe.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(BirthDateJsonConverter))]
public readonly record struct BirthDate
{
    private BirthDate(int year, int month, int day, int toYear)
    {
        Year = year;
        Month = month;
        Day = day;
        ToYear = toYear;
    }

    /// <summary>Gets the year (or the first year of a range).</summary>
    public int Year { get; }

    /// <summary>Gets the month, 1-12, or 0 when unknown.</summary>
    public int Month { get; }

    /// <summary>Gets the day, 1-31, or 0 when unknown.</summary>
    public int Day { get; }

    /// <summary>Gets the last year of a range; equal to <see cref="Year"/> for a single date.</summary>
    public int ToYear { get; }

    /// <summary>Gets whether this is a range of years.</summary>
    public bool IsRange => ToYear != Year;

    /// <summary>Creates a full or partial date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public static BirthDate FromParts(int year, int month = 0, int day = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfNegative(month);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfNegative(day);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, 31);
        return new BirthDate(year, month, month == 0 ? 0 : day, year);
    }

    /// <summary>Creates a range of years.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or out of range.</exception>
    public static BirthDate FromYearRange(int fromYear, int toYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromYear, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toYear, 9999);
        return new BirthDate(fromYear, 0, 0, toYear);
    }

    /// <summary>Tries to parse <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c> or <c>YYYY..YYYY</c>; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out BirthDate date)
    {
        date = default;
        text = text.Trim();
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots > 0)
        {
            if (TryYear(text[..dots], out var a) && TryYear(text[(dots + 2)..], out var b) && b >= a)
            {
                date = new BirthDate(a, 0, 0, b);
                return true;
            }

            return false;
        }

        if (text.Length < 4 || !TryYear(text[..4], out var year))
        {
            return false;
        }

        if (text.Length == 4)
        {
            date = new BirthDate(year, 0, 0, year);
            return true;
        }

        if (text.Length == 7 && text[4] == '-' && TryInt(text[5..7], 1, 12, out var m))
        {
            date = new BirthDate(year, m, 0, year);
            return true;
        }

        if (text.Length == 10 && text[4] == '-' && text[7] == '-' && TryInt(text[5..7], 1, 12, out m)
            && TryInt(text[8..10], 1, DateTime.DaysInMonth(year, m), out var d))
        {
            date = new BirthDate(year, m, d, year);
            return true;
        }

        return false;
    }

    private static bool TryYear(ReadOnlySpan<char> s, out int year) => TryInt(s, 1000, 9999, out year) && s.Length == 4;

    private static bool TryInt(ReadOnlySpan<char> s, int min, int max, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    /// <summary>Gets whether the given year lies within this date (or range).</summary>
    public bool ContainsYear(int year) => year >= Year && year <= ToYear;

    /// <summary>Returns ISO text: <c>1964</c>, <c>1964-05</c>, <c>1964-05-13</c> or <c>1960..1965</c>.</summary>
    public override string ToString() =>
        IsRange ? $"{Year:D4}..{ToYear:D4}"
        : Month == 0 ? Year.ToString("D4", CultureInfo.InvariantCulture)
        : Day == 0 ? $"{Year:D4}-{Month:D2}"
        : $"{Year:D4}-{Month:D2}-{Day:D2}";
}
