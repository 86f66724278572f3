using Chokepoint.Core;

namespace Chokepoint.Lists.Diff;

/// <summary>What changed in one source between two versions.</summary>
/// <param name="Source">The source compared.</param>
/// <param name="From">The older version's publication date.</param>
/// <param name="To">The newer version's publication date.</param>
/// <param name="Added">Entities only in the newer version, by id.</param>
/// <param name="Removed">Entities only in the older version, by id.</param>
/// <param name="Changed">Entities in both whose content differs, by id.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ListDiffResult(
    string Source,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<ListEntry> Added,
    IReadOnlyList<ListEntry> Removed,
    IReadOnlyList<EntityChange> Changed)
{
    /// <summary>Gets the number of entities that were unchanged.</summary>
    public int Unchanged { get; init; }

    /// <summary>Gets whether the two versions hold the same entities with the same content.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}

/// <summary>One entity present in both versions whose content differs.</summary>
/// <param name="Id">The entity.</param>
/// <param name="Name">The entity's primary name in the newer version.</param>
/// <param name="Fields">Each field that differs, in a fixed field order.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record EntityChange(EntityId Id, string Name, IReadOnlyList<FieldChange> Fields);

/// <summary>How one field of an entity changed.</summary>
/// <param name="Field">The field, named as in the stored JSON (<c>name</c>, <c>aliases</c>, <c>identifiers</c>, <c>programs</c>…).</param>
/// <param name="Before">For a single-valued field, its old value; for a multi-valued field, the values that were dropped.</param>
/// <param name="After">For a single-valued field, its new value; for a multi-valued field, the values that were added.</param>
/// <remarks>
/// Multi-valued fields are compared as multisets: reordering alone is not a change. An empty <paramref name="Before"/> or
/// <paramref name="After"/> means nothing was there or nothing was dropped. Immutable and thread-safe.
/// </remarks>
public sealed record FieldChange(string Field, IReadOnlyList<string> Before, IReadOnlyList<string> After);
