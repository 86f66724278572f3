namespace Chokepoint.Text;

/// <summary>
/// Remembers, for one query, how similar each query token is to each listed token already met, so a listed token
/// shared by many candidate names is compared once per query instead of once per name.
/// </summary>
/// <remarks>
/// Listed tokens carry a <see cref="NameToken.SimilarityId"/> given at build time: equal ids mean equal tokens apart
/// from their weight, which similarity does not read. A query meets a few hundred listed tokens at most, so their rows
/// are found through a small open-addressed table that stays in the cache (a table over every listed token cost a
/// cache miss per token met); a slot stamped by an earlier query is free. Once the rows are used up, further tokens are
/// compared directly. One instance per thread; not thread-safe.
/// </remarks>
internal sealed class SimilarityMemo
{
    private const int Rows = 512;
    private const int SlotBits = 10;
    private const int Slots = 1 << SlotBits;
    private const int Width = NameForm.MaxTokens;

    private readonly Slot[] _slots = new Slot[Slots];
    private readonly float[] _similarity = new float[Rows * Width];
    private readonly byte[] _kind = new byte[Rows * Width];
    private int _current;
    private int _used;
    private NameToken[] _query = [];

    /// <summary>Forgets every row: the next comparisons are against a new query.</summary>
    public void Start(NameToken[] query)
    {
        _query = query;
        _used = 0;
        if (++_current == int.MaxValue)
        {
            Array.Clear(_slots);
            _current = 1;
        }
    }

    /// <summary>Returns the row of similarities of every query token to the listed token, or an empty span when there is no room.</summary>
    public ReadOnlySpan<float> Row(in NameToken listed, out ReadOnlySpan<byte> kinds)
    {
        var id = listed.SimilarityId;
        if (id <= 0)
        {
            kinds = [];
            return [];
        }

        // Fibonacci hashing spreads ids given in build order; at most Rows of the Slots are taken in a query.
        var i = (int)(((uint)id * 2654435769u) >> (32 - SlotBits));
        while (true)
        {
            ref var slot = ref _slots[i];
            if (slot.Query != _current)
            {
                if (_used == Rows)
                {
                    kinds = [];
                    return [];
                }

                var at = _used * Width;
                var q = _query;
                for (var k = 0; k < q.Length; k++)
                {
                    _similarity[at + k] = TokenSimilarity.Compare(q[k], listed, out var kind);
                    _kind[at + k] = (byte)kind;
                }

                slot = new Slot(id, _current, _used++);
                kinds = _kind.AsSpan(at, q.Length);
                return _similarity.AsSpan(at, q.Length);
            }

            if (slot.Id == id)
            {
                var at = slot.Row * Width;
                kinds = _kind.AsSpan(at, _query.Length);
                return _similarity.AsSpan(at, _query.Length);
            }

            i = (i + 1) & (Slots - 1);
        }
    }

    private readonly record struct Slot(int Id, int Query, int Row);
}
