namespace Chokepoint.Text;

/// <summary>
/// Remembers, for one query, how similar each query token is to each listed token already met, so a listed token
/// shared by many candidate names is compared once per query instead of once per name.
/// </summary>
/// <remarks>
/// Listed tokens carry a <see cref="NameToken.SimilarityId"/> given at build time: equal ids mean equal tokens apart
/// from their weight, which similarity does not read. Rows live in a fixed buffer; once it is full, further tokens are
/// compared directly. One instance per thread; not thread-safe.
/// </remarks>
internal sealed class SimilarityMemo
{
    private const int Rows = 4096;
    private const int Width = NameForm.MaxTokens;

    // The query that last met each listed token and its row, side by side: one cache miss per token, not two.
    private readonly (int Stamp, int Row)[] _rows;
    private readonly float[] _similarity = new float[Rows * Width];
    private readonly byte[] _kind = new byte[Rows * Width];
    private int _current;
    private int _used;
    private NameToken[] _query = [];

    public SimilarityMemo(int tokenIds)
    {
        _rows = new (int, int)[tokenIds + 1];
    }

    /// <summary>Forgets every row: the next comparisons are against a new query.</summary>
    public void Start(NameToken[] query)
    {
        _query = query;
        _used = 0;
        if (++_current == int.MaxValue)
        {
            Array.Clear(_rows);
            _current = 1;
        }
    }

    /// <summary>Returns the row of similarities of every query token to the listed token, or an empty span when there is no room.</summary>
    public ReadOnlySpan<float> Row(in NameToken listed, out ReadOnlySpan<byte> kinds)
    {
        var id = listed.SimilarityId;
        if (id <= 0 || id >= _rows.Length)
        {
            kinds = [];
            return [];
        }

        int at;
        ref var known = ref _rows[id];
        if (known.Stamp == _current)
        {
            at = known.Row * Width;
        }
        else
        {
            if (_used == Rows)
            {
                kinds = [];
                return [];
            }

            at = _used * Width;
            var q = _query;
            for (var i = 0; i < q.Length; i++)
            {
                _similarity[at + i] = TokenSimilarity.Compare(q[i], listed, out var kind);
                _kind[at + i] = (byte)kind;
            }

            known = (_current, _used++);
        }

        kinds = _kind.AsSpan(at, _query.Length);
        return _similarity.AsSpan(at, _query.Length);
    }
}
