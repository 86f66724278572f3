namespace Chokepoint.Core;

/// <summary>A party to screen: a name and, where known, its type, country, birth date and identifiers.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record PartyQuery
{
    /// <summary>Gets the caller's id for the query (echoed in results).</summary>
    public string? Id { get; init; }

    /// <summary>Gets the name, in any script.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the kind of party, or <see cref="EntitySchema.Unknown"/>.</summary>
    public EntitySchema Schema { get; init; }

    /// <summary>Gets the country (ISO 3166-1 alpha-2), if known.</summary>
    public string? Country { get; init; }

    /// <summary>Gets the birth date (or year), if known.</summary>
    public BirthDate? BirthDate { get; init; }

    /// <summary>Gets identifiers (passport, registration number, IMO, crypto address…).</summary>
    public IReadOnlyList<Identifier> Identifiers { get; init; } = [];
}
