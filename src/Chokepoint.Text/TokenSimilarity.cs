using Chokepoint.Core;

namespace Chokepoint.Text;

/// <summary>How alike two prepared tokens are, and in which way.</summary>
/// <remarks>Allocates nothing. Stateless and thread-safe.</remarks>
internal static class TokenSimilarity
{
    /// <summary>Similarities below this do not align two tokens.</summary>
    public const float Floor = 0.5f;

    public static float Compare(in NameToken q, in NameToken l, out TokenMatchKind kind)
    {
        kind = TokenMatchKind.Exact;
        if (q.Role == TokenRole.Legal || l.Role == TokenRole.Legal)
        {
            kind = TokenMatchKind.Synonym;
            return q.LegalClass == l.LegalClass ? 1f : 0f;
        }

        if (q.Consonantal || l.Consonantal)
        {
            return Consonantal(q, l, out kind);
        }

        if (string.Equals(q.Text, l.Text, StringComparison.Ordinal))
        {
            return 1f;
        }

        if (string.Equals(q.Key, l.Key, StringComparison.Ordinal))
        {
            kind = TokenMatchKind.Transliteration;
            return 0.95f;
        }

        if (q.Role == TokenRole.Initial || l.Role == TokenRole.Initial)
        {
            kind = TokenMatchKind.Initial;
            return q.Text[0] == l.Text[0] || q.Key[0] == l.Key[0] ? 0.7f : 0f;
        }

        var best = 0f;
        var minLen = Math.Min(q.Key.Length, l.Key.Length);
        var max = minLen >= 8 ? 2 : minLen >= 4 ? 1 : 0;
        if (max > 0)
        {
            var d = EditDistance.Bounded(q.Key, l.Key, max);
            if (d > max)
            {
                d = EditDistance.Bounded(q.Text, l.Text, max);
            }

            if (d <= max)
            {
                best = d == 1 ? 0.88f : 0.8f;
                kind = TokenMatchKind.EditDistance;
            }
        }

        if (best < 0.85f && q.Skeleton.Length >= 3 && string.Equals(q.Skeleton, l.Skeleton, StringComparison.Ordinal))
        {
            best = 0.85f;
            kind = TokenMatchKind.Phonetic;
        }

        if (best < 0.9f && (q.AltKey is not null || l.AltKey is not null)
            && (Equals(q.AltKey, l.Key) || Equals(q.Key, l.AltKey) || Equals(q.AltKey, l.AltKey)))
        {
            best = 0.9f;
            kind = TokenMatchKind.Compound;
        }

        return best;
    }

    private static bool Equals(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.Ordinal);

    private static float Consonantal(in NameToken q, in NameToken l, out TokenMatchKind kind)
    {
        kind = TokenMatchKind.Transliteration;
        var qs = q.Skeleton;
        var ls = l.Skeleton;
        if (qs.Length == 0 || ls.Length == 0)
        {
            return 0f;
        }

        if (string.Equals(qs, ls, StringComparison.Ordinal))
        {
            return qs.Length >= 3 ? 0.9f : 0.8f;
        }

        if (Equals(q.AltSkeleton, ls) || Equals(qs, l.AltSkeleton))
        {
            kind = TokenMatchKind.Compound;
            return 0.88f;
        }

        if (Math.Min(qs.Length, ls.Length) >= 4 && EditDistance.Bounded(qs, ls, 1) <= 1)
        {
            kind = TokenMatchKind.Phonetic;
            return 0.75f;
        }

        return 0f;
    }
}
