using System.Text.Json.Serialization;
using Chokepoint.Core;
using Chokepoint.Lists.Diff;
using Chokepoint.Lists.Store;

namespace Chokepoint.Cli.Commands;

/// <summary>One row of <c>lists status --json</c>.</summary>
public sealed record ListStatusJson(string Source, DateOnly? Date, int Entities, int Names, ListUpdateRecord? LastUpdate);

/// <summary>One entity in <c>lists diff --json</c>.</summary>
public sealed record DiffEntityJson(EntityId Id, string Name, EntitySchema Schema);

/// <summary>The output of <c>lists diff --json</c>.</summary>
public sealed record ListDiffJson(
    string Source,
    DateOnly From,
    DateOnly To,
    int Unchanged,
    IReadOnlyList<DiffEntityJson> Added,
    IReadOnlyList<DiffEntityJson> Removed,
    IReadOnlyList<EntityChange> Changed);

/// <summary>Source-generated JSON for the <c>lists</c> commands.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(ListStatusJson[]))]
[JsonSerializable(typeof(ListDiffJson))]
internal sealed partial class ListsJsonContext : JsonSerializerContext;
