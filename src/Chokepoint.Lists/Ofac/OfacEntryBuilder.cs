using Chokepoint.Core;

namespace Chokepoint.Lists.Ofac;

/// <summary>Collects the parts of one OFAC record from the primary row, its companions and its remarks.</summary>
/// <remarks>Not thread-safe; one builder per record while a file is read.</remarks>
internal sealed class OfacEntryBuilder
{
    private readonly HashSet<string> _aliasNames = new(StringComparer.OrdinalIgnoreCase);

    public OfacEntryBuilder(string key, string name, EntitySchema schema)
    {
        Key = key;
        Name = name;
        Schema = schema;
        _aliasNames.Add(name);
    }

    /// <summary>Gets or sets the key; a reader renames a repeated key to <c>&lt;key&gt;#n</c>.</summary>
    public string Key { get; set; }

    public string Name { get; set; }

    public EntitySchema Schema { get; set; }

    public int Line { get; init; }

    public List<Alias> Aliases { get; } = [];

    public List<BirthDate> BirthDates { get; } = [];

    public List<string> BirthPlaces { get; } = [];

    public List<string> Nationalities { get; } = [];

    public List<string> Citizenships { get; } = [];

    public List<string> Countries { get; } = [];

    public List<Address> Addresses { get; } = [];

    public List<Identifier> Identifiers { get; } = [];

    public List<string> Programs { get; } = [];

    public List<string> Titles { get; } = [];

    public List<string> LinkedTo { get; } = [];

    public Dictionary<string, string> Details { get; } = new(StringComparer.Ordinal);

    public string? Gender { get; set; }

    public string? Remarks { get; set; }

    public DateOnly? ListedOn { get; set; }

    /// <summary>Gets or sets the OFAC list names the record is on (enhanced XML <c>sanctionsLists</c>).</summary>
    public string? SubList { get; set; }

    /// <summary>Adds an alias unless the same name (ignoring case) is already the primary name or an alias.</summary>
    public void AddAlias(Alias alias)
    {
        if (alias.Name.Length > 0 && _aliasNames.Add(alias.Name))
        {
            Aliases.Add(alias);
        }
    }

    public static void AddDistinct(List<string> list, string value)
    {
        if (value.Length > 0 && !list.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(value);
        }
    }

    public void AddIdentifier(Identifier identifier)
    {
        if (identifier.Value.Length > 0 && !Identifiers.Contains(identifier))
        {
            Identifiers.Add(identifier);
        }
    }

    /// <summary>Adds a detail; a repeated label keeps every value, joined with "; ".</summary>
    public void AddDetail(string label, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        Details[label] = Details.TryGetValue(label, out var old) && !string.Equals(old, value, StringComparison.Ordinal)
            ? old + "; " + value
            : value;
    }

    public ListEntry Build(string source, Provenance provenance) => new()
    {
        Id = new EntityId(source, Key),
        Schema = Schema,
        Name = Name,
        Aliases = Aliases.ToArray(),
        BirthDates = BirthDates.ToArray(),
        BirthPlaces = BirthPlaces.ToArray(),
        Nationalities = Nationalities.ToArray(),
        Citizenships = Citizenships.ToArray(),
        Countries = Countries.ToArray(),
        Addresses = Addresses.ToArray(),
        Identifiers = Identifiers.ToArray(),
        Programs = Programs.ToArray(),
        Titles = Titles.ToArray(),
        LinkedTo = LinkedTo.ToArray(),
        Gender = Gender,
        Remarks = Remarks,
        ListedOn = ListedOn,
        Details = Details.Count == 0 ? new Dictionary<string, string>() : new Dictionary<string, string>(Details, StringComparer.Ordinal),
        Provenance = provenance,
    };
}
