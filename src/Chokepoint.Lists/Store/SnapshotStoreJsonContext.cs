using System.Text.Json.Serialization;
using Chokepoint.Core;

namespace Chokepoint.Lists.Store;

/// <summary>The stored form of a snapshot: a format number, so a later layout can be told apart, and the snapshot.</summary>
/// <param name="Format">The layout version; <see cref="SnapshotStore.SnapshotFormat"/> when written.</param>
/// <param name="Snapshot">The snapshot.</param>
internal sealed record StoredSnapshot(int Format, ListSnapshot Snapshot);

/// <summary>Source-generated serialisation for snapshots and the manifest (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(StoredSnapshot))]
[JsonSerializable(typeof(ListsManifest))]
internal sealed partial class SnapshotStoreJsonContext : JsonSerializerContext;
