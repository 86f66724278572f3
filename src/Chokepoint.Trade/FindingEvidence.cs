using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Chokepoint.Trade;

/// <summary>The evidence of one finding: a few named facts, kept in the order they were set, in one array.</summary>
/// <remarks>
/// A finding carries about ten facts; a <see cref="Dictionary{TKey,TValue}"/> for each cost three growing arrays, and a
/// scan of ten keys is as quick as hashing. Setting a key that is already there replaces its value in place, as the
/// dictionary did, so the order (and the JSON written from it) stays the same. Filled by one check; read-only and
/// thread-safe once the finding is returned.
/// </remarks>
internal sealed class FindingEvidence : IReadOnlyDictionary<string, object>
{
    /// <summary>The boxed true, shared by every finding.</summary>
    public static readonly object True = true;

    /// <summary>The boxed false, shared by every finding.</summary>
    public static readonly object False = false;

    private KeyValuePair<string, object>[] _facts;
    private int _count;

    /// <summary>Makes empty evidence with room for <paramref name="capacity"/> facts.</summary>
    public FindingEvidence(int capacity) => _facts = new KeyValuePair<string, object>[capacity];

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _facts[i].Key;
            }
        }
    }

    /// <inheritdoc />
    public IEnumerable<object> Values
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _facts[i].Value;
            }
        }
    }

    /// <summary>Gets or sets a fact; setting a new key appends it, setting a present one replaces its value in place.</summary>
    /// <exception cref="KeyNotFoundException">Getting a key that is not there.</exception>
    public object this[string key]
    {
        get => IndexOf(key) is var i and >= 0 ? _facts[i].Value : throw new KeyNotFoundException($"The evidence has no '{key}'.");
        set
        {
            var i = IndexOf(key);
            if (i >= 0)
            {
                _facts[i] = new(key, value);
                return;
            }

            if (_count == _facts.Length)
            {
                Array.Resize(ref _facts, Math.Max(4, _count * 2));
            }

            _facts[_count++] = new(key, value);
        }
    }

    /// <summary>Sets a fact and returns the evidence, for building it in one expression.</summary>
    public FindingEvidence With(string key, object value)
    {
        this[key] = value;
        return this;
    }

    /// <summary>Returns the boxed form of a flag without allocating.</summary>
    public static object Box(bool value) => value ? True : False;

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _facts[i].Value : null;
        return i >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _facts[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_facts[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
