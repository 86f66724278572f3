namespace Chokepoint.Text;

/// <summary>Bounded Damerau-Levenshtein (optimal string alignment) distance on spans.</summary>
/// <remarks>
/// Allocates nothing: rows live on the stack. Only the diagonal band of half-width <c>max</c> is computed, since a
/// cell further from the diagonal already needs more than <c>max</c> edits. Stateless and thread-safe.
/// </remarks>
internal static class EditDistance
{
    private const int MaxLength = 64;
    private const int MaxBand = 3;

    /// <summary>Returns the distance between two spans, or <paramref name="max"/> + 1 once it exceeds <paramref name="max"/>.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.Length > MaxLength || b.Length > MaxLength)
        {
            return a.SequenceEqual(b) ? 0 : max + 1;
        }

        if (max <= 0)
        {
            return a.SequenceEqual(b) ? 0 : 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        // Each edit adds or removes at most one letter from the set of letters a word uses, a substitution two, a
        // transposition none: words whose letter sets differ by more than 2 x max are further apart (most pairs).
        if (System.Numerics.BitOperations.PopCount(LetterSet(a) ^ LetterSet(b)) > 2 * max)
        {
            return max + 1;
        }

        return max <= MaxBand ? Banded(a, b, max) : Full(a, b, max);
    }

    // Letters by their low six bits: a-z, A-Z and digits fall on distinct bits (collisions only weaken the filter).
    private static ulong LetterSet(ReadOnlySpan<char> s)
    {
        var set = 0UL;
        foreach (var c in s)
        {
            set |= 1UL << (c & 63);
        }

        return set;
    }

    // Band coordinates: cell (i, j) of the full table lives at k = j - i + max of row i.
    private static int Banded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        var width = (2 * max) + 1;
        var inf = max + 1;
        Span<int> rows = stackalloc int[3 * ((2 * MaxBand) + 1)];
        var prev2 = rows[..width];
        var prev = rows.Slice(width, width);
        var cur = rows.Slice(2 * width, width);
        for (var k = 0; k < width; k++)
        {
            var j = k - max;
            prev[k] = j < 0 ? inf : j;
            prev2[k] = inf;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = inf;
            var ai = a[i - 1];
            for (var k = 0; k < width; k++)
            {
                var j = i + k - max;
                int v;
                if (j < 0 || j > b.Length)
                {
                    v = inf;
                }
                else if (j == 0)
                {
                    v = i;
                }
                else
                {
                    v = prev[k] + (ai == b[j - 1] ? 0 : 1);
                    if (k + 1 < width)
                    {
                        v = Math.Min(v, prev[k + 1] + 1);
                    }

                    if (k > 0)
                    {
                        v = Math.Min(v, cur[k - 1] + 1);
                    }

                    if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        v = Math.Min(v, prev2[k] + 1);
                    }

                    v = Math.Min(v, inf);
                }

                cur[k] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > max)
            {
                return inf;
            }

            var t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }

        return Math.Min(prev[b.Length - a.Length + max], inf);
    }

    private static int Full(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        Span<int> prev2 = stackalloc int[b.Length + 1];
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = i;
            var ai = a[i - 1];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = ai == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }

        return Math.Min(prev[b.Length], max + 1);
    }
}
