using System.Globalization;
using Chokepoint.Core;

namespace Chokepoint.Lists.Ofac;

/// <summary>Parses the dates OFAC writes in remarks: <c>13 May 1964</c>, <c>May 1964</c>, <c>1964</c>, with ranges and "circa".</summary>
/// <remarks>Span-based, no allocation, no regular expression. Thread-safe.</remarks>
internal static class OfacDates
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Parses a DOB remark value: a date, "circa" a date, or "A to B" (or "YYYY-YYYY") as a range of years.</summary>
    public static bool TryParseBirthDate(ReadOnlySpan<char> text, out BirthDate date)
    {
        date = default;
        text = text.Trim();
        if (text.StartsWith("circa ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..].TrimStart();
        }

        var to = text.IndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        if (to < 0 && text.Length == 9 && text[4] == '-')
        {
            to = 4;
        }

        if (to > 0)
        {
            var second = text[(to + (text[to] == '-' ? 1 : 4))..];
            if (TryParse(text[..to], out var a, out _, out _) && TryParse(second, out var b, out _, out _) && b >= a)
            {
                date = BirthDate.FromYearRange(a, b);
                return true;
            }

            return false;
        }

        if (TryParse(text, out var year, out var month, out var day))
        {
            date = BirthDate.FromParts(year, month, day);
            return true;
        }

        return false;
    }

    /// <summary>Parses <c>dd Mon yyyy</c>, <c>Mon yyyy</c>, <c>yyyy</c> or ISO <c>yyyy-mm-dd</c>; month and day are 0 when absent.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        text = text.Trim();
        if (BirthDate.TryParse(text, out var iso) && !iso.IsRange)
        {
            (year, month, day) = (iso.Year, iso.Month, iso.Day);
            return true;
        }

        Span<Range> parts = stackalloc Range[4];
        var count = text.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (count is < 1 or > 3 || !TryNumber(text[parts[count - 1]], 1000, 9999, out year))
        {
            return false;
        }

        if (count >= 2 && !TryMonth(text[parts[count - 2]], out month))
        {
            return false;
        }

        if (count == 3 && !TryNumber(text[parts[0]], 1, DateTime.DaysInMonth(year, month), out day))
        {
            return false;
        }

        return true;
    }

    /// <summary>Parses a full date to a <see cref="DateOnly"/>.</summary>
    public static bool TryParseDay(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (TryParse(text, out var y, out var m, out var d) && m > 0 && d > 0)
        {
            date = new DateOnly(y, m, d);
            return true;
        }

        return false;
    }

    private static bool TryMonth(ReadOnlySpan<char> text, out int month)
    {
        month = 0;
        if (text.Length < 3)
        {
            return false;
        }

        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (text[..3].Equals(MonthNames[i], StringComparison.OrdinalIgnoreCase))
            {
                month = i + 1;
                return true;
            }
        }

        return false;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
