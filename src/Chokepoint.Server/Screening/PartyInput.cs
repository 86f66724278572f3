using Chokepoint.Core;

namespace Chokepoint.Server.Screening;

/// <summary>The <c>screen</c> input fields of one party, as a client sends them.</summary>
public sealed record PartyInput
{
    /// <summary>Gets the caller's id for the party (customer or supplier number), echoed back.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the name, in any script (required).</summary>
    public string? Name { get; init; }

    /// <summary>Gets the kind of party: person, organization, vessel, aircraft.</summary>
    public string? Schema { get; init; }

    /// <summary>Gets the country (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; init; }

    /// <summary>Gets the birth date: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public string? BirthDate { get; init; }

    /// <summary>Gets identifiers (passport, registration number, IMO…).</summary>
    public IReadOnlyList<IdentifierInput>? Identifiers { get; init; }

    /// <summary>Gets how many matches to return (1-50). Default 5.</summary>
    public int? Top { get; init; }

    /// <summary>Gets the alert threshold in (0, 1]; null uses the engine's default.</summary>
    public double? Threshold { get; init; }

    /// <summary>Gets the longest name accepted.</summary>
    public const int MaxNameLength = 500;

    /// <summary>Validates the input and builds the query, or names the field at fault.</summary>
    /// <param name="prefix">Prefix for field names (e.g. <c>queries[3].</c>).</param>
    public (PartyQuery? Query, ScreeningOptions? Options, string? Field, string? Error) ToQuery(string prefix = "")
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return Bad(prefix + "name", "The name is required.");
        }

        if (Name.Length > MaxNameLength)
        {
            return Bad(prefix + "name", $"The name has {Name.Length} characters; at most {MaxNameLength} are accepted.");
        }

        var schema = EntitySchema.Unknown;
        if (!string.IsNullOrWhiteSpace(Schema) && (!Enum.TryParse(Schema, ignoreCase: true, out schema) || int.TryParse(Schema, out _)))
        {
            return Bad(prefix + "schema", $"'{Schema}' is not person, organization, vessel or aircraft.");
        }

        Core.BirthDate? birth = null;
        if (!string.IsNullOrWhiteSpace(BirthDate))
        {
            if (!Core.BirthDate.TryParse(BirthDate, out var parsed))
            {
                return Bad(prefix + "birthDate", $"'{BirthDate}' is not YYYY, YYYY-MM or YYYY-MM-DD.");
            }

            birth = parsed;
        }

        if (Top is < 1 or > 50)
        {
            return Bad(prefix + "top", "top must be between 1 and 50.");
        }

        if (Threshold is <= 0 or > 1)
        {
            return Bad(prefix + "threshold", "threshold must be in (0, 1].");
        }

        var identifiers = new List<Identifier>();
        for (var i = 0; i < (Identifiers?.Count ?? 0); i++)
        {
            var id = Identifiers![i];
            if (string.IsNullOrWhiteSpace(id.Value))
            {
                return Bad($"{prefix}identifiers[{i}].value", "The identifier value is required.");
            }

            var type = IdentifierType.Other;
            if (!string.IsNullOrWhiteSpace(id.Type) && !Enum.TryParse(id.Type, ignoreCase: true, out type))
            {
                return Bad($"{prefix}identifiers[{i}].type", $"'{id.Type}' is not an identifier type ({string.Join(", ", Enum.GetNames<IdentifierType>())}).");
            }

            identifiers.Add(new Identifier(type, id.Value.Trim(), id.Country));
        }

        var query = new PartyQuery
        {
            Id = string.IsNullOrWhiteSpace(Id) ? null : Id.Trim(),
            Name = Name.Trim(),
            Schema = schema,
            Country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant(),
            BirthDate = birth,
            Identifiers = identifiers,
        };
        var options = Top is null && Threshold is null ? null : new ScreeningOptions { Top = Top ?? 5, Threshold = Threshold };
        return (query, options, null, null);
    }

    private static (PartyQuery?, ScreeningOptions?, string?, string?) Bad(string field, string message) => (null, null, field, message);
}

/// <summary>An identifier of a party to screen.</summary>
/// <param name="Type">passport, nationalId, taxNumber, registrationNumber, imo, …</param>
/// <param name="Value">The value.</param>
/// <param name="Country">The issuing country, if known.</param>
public sealed record IdentifierInput(string? Type, string? Value, string? Country);
