using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chokepoint.Cases;

/// <summary>The JSON settings for everything cases store as JSON (queries, explanations, audit details).</summary>
/// <remarks>Thread-safe.</remarks>
public static class CaseJson
{
    /// <summary>Gets the options: camelCase, enums as strings, no indentation, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serialises a value with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
