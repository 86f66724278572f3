using System.Collections.Frozen;

namespace Chokepoint.Text;

/// <summary>Document frequencies of token keys and skeletons over the listed names: common tokens weigh less.</summary>
/// <remarks>Built once; immutable and thread-safe.</remarks>
internal sealed class TokenStatistics : ITokenRarity
{
    private readonly FrozenDictionary<string, int> _keys;
    private readonly FrozenDictionary<string, int> _skeletons;
    private readonly float _names;

    private TokenStatistics(FrozenDictionary<string, int> keys, FrozenDictionary<string, int> skeletons, int names)
    {
        _keys = keys;
        _skeletons = skeletons;
        _names = Math.Max(1, names);
    }

    public static TokenStatistics Build(IReadOnlyList<NameForm> names)
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var skeletons = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in names)
        {
            seen.Clear();
            foreach (var t in form.Tokens)
            {
                if (seen.Add(t.Key))
                {
                    keys[t.Key] = keys.GetValueOrDefault(t.Key) + 1;
                }

                if (seen.Add("\u0001" + t.Skeleton))
                {
                    skeletons[t.Skeleton] = skeletons.GetValueOrDefault(t.Skeleton) + 1;
                }
            }
        }

        return new TokenStatistics(keys.ToFrozenDictionary(StringComparer.Ordinal), skeletons.ToFrozenDictionary(StringComparer.Ordinal), names.Count);
    }

    public float Weight(in NameToken token)
    {
        var df = token.Consonantal ? _skeletons.GetValueOrDefault(token.Skeleton) : _keys.GetValueOrDefault(token.Key);
        if (df == 0 && !token.Consonantal)
        {
            // An unseen spelling may be a variant of a seen one; its skeleton tells how common the name is.
            df = _skeletons.GetValueOrDefault(token.Skeleton) / 4;
        }

        return MathF.Log(1f + (_names / (df + 1f)));
    }
}
