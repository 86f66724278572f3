namespace Chokepoint.Core;

/// <summary>
/// One listed party (person, organisation, vessel or aircraft) from one official list, in the model every importer
/// produces.
/// </summary>
/// <remarks>
/// Collections are never null; an empty collection means the list gives nothing. Country-valued fields hold ISO 3166-1
/// alpha-2 codes where the importer could resolve the list's text, else the text itself. <see cref="Remarks"/> keeps the
/// list's free text even where fields were parsed out of it. Instances are immutable once built and thread-safe.
/// </remarks>
public sealed record ListEntry
{
    /// <summary>Gets the stable id <c>&lt;source&gt;:&lt;key&gt;</c>.</summary>
    public required EntityId Id { get; init; }

    /// <summary>Gets the kind of party.</summary>
    public required EntitySchema Schema { get; init; }

    /// <summary>Gets the primary name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets every other name (a.k.a., f.k.a., n.k.a., variations, original-script names); the primary name is not repeated here.</summary>
    public IReadOnlyList<Alias> Aliases { get; init; } = [];

    /// <summary>Gets the dates of birth (persons) or of incorporation where a list gives it as such.</summary>
    public IReadOnlyList<BirthDate> BirthDates { get; init; } = [];

    /// <summary>Gets places of birth as free text.</summary>
    public IReadOnlyList<string> BirthPlaces { get; init; } = [];

    /// <summary>Gets nationalities (ISO alpha-2 where resolved).</summary>
    public IReadOnlyList<string> Nationalities { get; init; } = [];

    /// <summary>Gets citizenships (ISO alpha-2 where resolved).</summary>
    public IReadOnlyList<string> Citizenships { get; init; } = [];

    /// <summary>Gets other countries tied to the entity: address countries, flag, jurisdiction (ISO alpha-2 where resolved).</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Gets addresses.</summary>
    public IReadOnlyList<Address> Addresses { get; init; } = [];

    /// <summary>Gets identifiers: documents, registration and tax numbers, vessel numbers, crypto addresses, contact handles.</summary>
    public IReadOnlyList<Identifier> Identifiers { get; init; } = [];

    /// <summary>Gets the programs or regimes the entity is listed under (e.g. <c>IRAN</c>, <c>RUSSIA-EO14024</c>, <c>Russia</c>).</summary>
    public IReadOnlyList<string> Programs { get; init; } = [];

    /// <summary>Gets the date the entity was first listed, if the list says.</summary>
    public DateOnly? ListedOn { get; init; }

    /// <summary>Gets the date the list last changed the record, if the list says.</summary>
    public DateOnly? LastUpdated { get; init; }

    /// <summary>Gets the gender (<c>Male</c>/<c>Female</c>) where the list gives it.</summary>
    public string? Gender { get; init; }

    /// <summary>Gets titles and positions (e.g. "Minister of Defence").</summary>
    public IReadOnlyList<string> Titles { get; init; } = [];

    /// <summary>Gets ids of related entities in the same source (OFAC "Linked To:", FtM ownership), where given.</summary>
    public IReadOnlyList<string> LinkedTo { get; init; } = [];

    /// <summary>Gets the list's free-text remarks, unchanged.</summary>
    public string? Remarks { get; init; }

    /// <summary>Gets vessel or aircraft details (type, tonnage, flag, owner, model) as label/value pairs.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = EmptyDetails;

    /// <summary>Gets where the record came from.</summary>
    public required Provenance Provenance { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyDetails = new Dictionary<string, string>();

    /// <summary>Enumerates the primary name followed by every alias name.</summary>
    public IEnumerable<string> AllNames()
    {
        yield return Name;
        foreach (var a in Aliases)
        {
            yield return a.Name;
        }
    }
}
