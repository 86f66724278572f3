namespace Chokepoint.Core;

/// <summary>
/// The stable identifier of a listed entity: <c>&lt;source&gt;:&lt;the list's own primary key&gt;</c>, e.g. <c>us_ofac_sdn:36</c>.
/// </summary>
/// <remarks>
/// The source is the folder name of the list under the lists directory; the key is the list's own key (OFAC ent_num or
/// uid, UN DATAID, UK Group ID, CSL <c>_id</c>, FollowTheMoney or Senzing record id). Where a file repeats a key, the
/// importer keeps the records apart by appending <c>#2</c>, <c>#3</c>… to the later ones.
/// This type is immutable and thread-safe.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(EntityIdJsonConverter))]
public readonly record struct EntityId : IComparable<EntityId>
{
    /// <summary>Creates an id from its source and key.</summary>
    /// <exception cref="ArgumentException">The source or key is empty, or the source contains a colon.</exception>
    public EntityId(string source, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (source.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A source name cannot contain ':'.", nameof(source));
        }

        Source = source;
        Key = key;
    }

    /// <summary>Gets the source (the list folder name, e.g. <c>us_ofac_sdn</c>).</summary>
    public string Source { get; }

    /// <summary>Gets the list's own primary key.</summary>
    public string Key { get; }

    /// <summary>Parses <c>source:key</c>.</summary>
    /// <exception cref="FormatException">The text has no colon or an empty part.</exception>
    public static EntityId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an entity id of the form <source>:<key>.");

    /// <summary>Tries to parse <c>source:key</c>; never throws.</summary>
    public static bool TryParse(string? text, out EntityId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        id = new EntityId(text[..colon], text[(colon + 1)..]);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(EntityId other)
    {
        var c = string.CompareOrdinal(Source, other.Source);
        return c != 0 ? c : string.CompareOrdinal(Key, other.Key);
    }

    /// <summary>Compares ordinally by source, then key.</summary>
    public static bool operator <(EntityId left, EntityId right) => left.CompareTo(right) < 0;

    /// <summary>Compares ordinally by source, then key.</summary>
    public static bool operator <=(EntityId left, EntityId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares ordinally by source, then key.</summary>
    public static bool operator >(EntityId left, EntityId right) => left.CompareTo(right) > 0;

    /// <summary>Compares ordinally by source, then key.</summary>
    public static bool operator >=(EntityId left, EntityId right) => left.CompareTo(right) >= 0;

    /// <summary>Returns <c>source:key</c>.</summary>
    public override string ToString() => $"{Source}:{Key}";
}
