namespace Chokepoint.Text;

/// <summary>Bounded Damerau-Levenshtein (optimal string alignment) distance on spans.</summary>
/// <remarks>Allocates nothing: rows live on the stack. Stateless and thread-safe.</remarks>
internal static class EditDistance
{
    private const int MaxLength = 64;

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

        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

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
