using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chokepoint.Core;

/// <summary>Writes an <see cref="EntityId"/> as its <c>source:key</c> text.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class EntityIdJsonConverter : JsonConverter<EntityId>
{
    /// <inheritdoc />
    public override EntityId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EntityId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Expected an entity id of the form <source>:<key>.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EntityId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

/// <summary>Writes a <see cref="BirthDate"/> as ISO text (<c>1964</c>, <c>1964-05-13</c>, <c>1960..1965</c>).</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class BirthDateJsonConverter : JsonConverter<BirthDate>
{
    /// <inheritdoc />
    public override BirthDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        BirthDate.TryParse(reader.GetString(), out var d) ? d : throw new JsonException("Expected a birth date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY..YYYY.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, BirthDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
