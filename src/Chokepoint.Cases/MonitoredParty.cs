using Chokepoint.Core;

namespace Chokepoint.Cases;

/// <summary>A party on the monitoring register (customer, supplier, forwarder), re-screened when lists change.</summary>
/// <remarks>Not thread-safe while being changed.</remarks>
public sealed class MonitoredParty
{
    private MonitoredParty()
    {
    }

    /// <summary>Creates a register entry.</summary>
    /// <param name="id">The row id.</param>
    /// <param name="externalId">The caller's own id (unique in the register).</param>
    /// <param name="name">The party's name.</param>
    /// <param name="schema">The kind of party.</param>
    /// <param name="country">ISO alpha-2 country, if known.</param>
    /// <param name="birthDate">Birth date or year, if known.</param>
    /// <param name="addedBy">Who added it.</param>
    /// <param name="addedAt">When.</param>
    public MonitoredParty(Guid id, string externalId, string name, EntitySchema schema, string? country, string? birthDate, string addedBy, DateTimeOffset addedAt)
    {
        Id = id;
        ExternalId = externalId;
        Name = name;
        Schema = schema;
        Country = country;
        BirthDate = birthDate;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    /// <summary>Gets the row id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Gets the caller's own id.</summary>
    public string ExternalId { get; private set; } = "";

    /// <summary>Gets the name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Gets the kind of party.</summary>
    public EntitySchema Schema { get; private set; }

    /// <summary>Gets the country, if known.</summary>
    public string? Country { get; private set; }

    /// <summary>Gets the birth date text (<c>YYYY</c>, <c>YYYY-MM-DD</c>…), if known.</summary>
    public string? BirthDate { get; private set; }

    /// <summary>Gets who added the party.</summary>
    public string AddedBy { get; private set; } = "";

    /// <summary>Gets when.</summary>
    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>Gets when the party was last screened, or null.</summary>
    public DateTimeOffset? LastScreenedAt { get; private set; }

    /// <summary>Records a screening.</summary>
    public void MarkScreened(DateTimeOffset at) => LastScreenedAt = at;

    /// <summary>Returns the query that screens this party.</summary>
    public PartyQuery ToQuery() => QueryFor(ExternalId, Name, Schema, Country, BirthDate);

    /// <summary>Returns the query that screens a registered party, from its stored fields (a projection needs no entity).</summary>
    /// <param name="externalId">The caller's own id.</param>
    /// <param name="name">The name.</param>
    /// <param name="schema">The kind of party.</param>
    /// <param name="country">The country, if known.</param>
    /// <param name="birthDate">The birth date text, if known; text that does not parse is ignored.</param>
    public static PartyQuery QueryFor(string externalId, string name, EntitySchema schema, string? country, string? birthDate) => new()
    {
        Id = externalId,
        Name = name,
        Schema = schema,
        Country = country,
        BirthDate = Core.BirthDate.TryParse(birthDate, out var d) ? d : null,
    };
}
