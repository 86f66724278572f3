using System.Text.Json;

namespace Chokepoint.Lists.OpenSanctions;

/// <summary>One FollowTheMoney entity as read from its line: id, schema and string-valued properties.</summary>
internal sealed class FtmEntity
{
    private static readonly List<string> None = [];

    private FtmEntity(string id, string schema, int line)
    {
        Id = id;
        Schema = schema;
        Line = line;
    }

    public string Id { get; }

    public string Schema { get; }

    public int Line { get; }

    public string? Caption { get; private init; }

    public bool Target { get; private init; }

    public string? LastChange { get; private init; }

    public List<string> Datasets { get; private init; } = None;

    public Dictionary<string, List<string>> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets a property's values (none when absent).</summary>
    public List<string> this[string property] => Properties.TryGetValue(property, out var values) ? values : None;

    /// <summary>Reads an entity line; logs an error and returns null when it has no id or schema.</summary>
    public static FtmEntity? From(JsonElement element, int line, ReadLog log)
    {
        var id = JsonLines.String(element, "id");
        if (id is null)
        {
            log.Error(line, "id", "the entity has no id");
            return null;
        }

        var schema = JsonLines.String(element, "schema");
        if (schema is null)
        {
            log.Error(line, "schema", $"entity {id} has no schema");
            return null;
        }

        var entity = new FtmEntity(id, schema, line)
        {
            Caption = JsonLines.String(element, "caption"),
            Target = element.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.True,
            LastChange = JsonLines.String(element, "last_change"),
            Datasets = JsonLines.Strings(element, "datasets"),
        };
        if (element.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                var values = JsonLines.Strings(properties, property.Name);
                if (values.Count > 0)
                {
                    entity.Properties[property.Name] = values;
                }
            }
        }

        return entity;
    }
}
