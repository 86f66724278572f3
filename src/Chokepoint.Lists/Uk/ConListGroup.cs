using Chokepoint.Core;

namespace Chokepoint.Lists.Uk;

/// <summary>Gathers the rows of one Group ID into one <see cref="ListEntry"/>.</summary>
internal sealed class ConListGroup(string groupId, int firstRow)
{
    private readonly List<(string Name, AliasKind Kind, AliasQuality Quality, string? Script, string? Language)> _names = [];
    private readonly List<BirthDate> _birthDates = [];
    private readonly List<string> _birthPlaces = [];
    private readonly List<string> _nationalities = [];
    private readonly List<string> _countries = [];
    private readonly List<Address> _addresses = [];
    private readonly List<Identifier> _identifiers = [];
    private readonly List<string> _titles = [];
    private readonly List<string> _programs = [];
    private readonly List<string> _remarks = [];
    private string? _primary;
    private string? _groupType;
    private DateOnly? _listedOn;
    private DateOnly? _lastUpdated;

    public void Add(ConListRow row, ConListColumns c, ReadLog log)
    {
        _groupType ??= c.Get(row, ConListColumns.GroupType);
        var isPerson = string.Equals(_groupType, "Individual", StringComparison.OrdinalIgnoreCase);
        var name = RowName(row, c, isPerson);
        var aliasType = c.Get(row, ConListColumns.AliasType);
        var isPrimary = aliasType is not null
            && (aliasType.Equals("Primary name", StringComparison.OrdinalIgnoreCase) || aliasType.Equals("Prime Alias", StringComparison.OrdinalIgnoreCase));
        if (name is not null)
        {
            if (isPrimary && _primary is null)
            {
                _primary = name;
            }
            else
            {
                var kind = aliasType?.ToUpperInvariant() switch
                {
                    "FKA" => AliasKind.Fka,
                    "AKA" => AliasKind.Aka,
                    _ => AliasKind.Variation,
                };
                var quality = c.Get(row, ConListColumns.AliasQuality)?.ToUpperInvariant() switch
                {
                    "GOOD QUALITY" or "GOOD" => AliasQuality.Strong,
                    "LOW QUALITY" or "LOW" => AliasQuality.Weak,
                    _ => AliasQuality.Unknown,
                };
                AddName(name, kind, quality, NameScript.Detect(name), null);
            }
        }

        if (c.Get(row, ConListColumns.NonLatinName) is { } nonLatin)
        {
            AddName(nonLatin, AliasKind.Variation, AliasQuality.Unknown, NameScript.Detect(nonLatin), c.Get(row, ConListColumns.NonLatinLanguage));
        }

        if (c.Get(row, ConListColumns.Title) is { } title)
        {
            FieldText.AddDistinct(_titles, title);
        }

        foreach (var position in SplitNumbered(c.Get(row, ConListColumns.Position)))
        {
            FieldText.AddDistinct(_titles, position);
        }

        AddBirthDate(row, c.Get(row, ConListColumns.Dob), log);
        FieldText.AddDistinct(_birthPlaces, FieldText.Join(", ", c.Get(row, ConListColumns.TownOfBirth), c.Get(row, ConListColumns.CountryOfBirth)));
        foreach (var nationality in SplitNumbered(c.Get(row, ConListColumns.Nationality)))
        {
            FieldText.AddDistinct(_nationalities, CountryText.Normalize(nationality.TrimEnd('.')));
        }

        AddDocuments(row, c);
        var street = FieldText.Join(", ", c.Get(row, "Address 1"), c.Get(row, "Address 2"), c.Get(row, "Address 3"), c.Get(row, "Address 4"), c.Get(row, "Address 5"));
        var address = FieldText.Address(street, c.Get(row, "Address 6"), null, c.Get(row, ConListColumns.PostCode), c.Get(row, ConListColumns.Country));
        if (address is not null)
        {
            FieldText.AddDistinct(_addresses, address);
            FieldText.AddDistinct(_countries, address.Country);
        }

        FieldText.AddDistinct(_programs, c.Get(row, ConListColumns.Regime));
        FieldText.AddDistinct(_remarks, c.Get(row, ConListColumns.OtherInformation));
        if (ReadDate(row, c, ConListColumns.ListedOn, log) is { } listed)
        {
            _listedOn = FieldText.Min(_listedOn, listed);
        }

        if (ReadDate(row, c, ConListColumns.LastUpdated, log) is { } updated)
        {
            _lastUpdated = FieldText.Max(_lastUpdated, updated);
        }
    }

    public ListEntry ToEntry(ReadLog log, DateOnly publicationDate)
    {
        // A group without a "Primary name" row takes its first name variation as the entry name.
        var name = _primary;
        var aliases = new List<Alias>();
        foreach (var n in _names)
        {
            if (name is null)
            {
                name = n.Name;
                continue;
            }

            if (!string.Equals(n.Name, name, StringComparison.Ordinal))
            {
                FieldText.AddDistinct(aliases, new Alias(n.Name, n.Kind, n.Quality, n.Script, n.Language));
            }
        }

        if (name is null)
        {
            log.Warning(firstRow, "Name 6", $"Group ID {groupId} has no name; the Group ID stands in");
        }

        var remarks = _remarks.Count == 0 ? null : string.Join("\n", _remarks);
        return new ListEntry
        {
            Id = new EntityId(log.Source, groupId),
            Schema = SchemaText.Parse(_groupType),
            Name = name ?? groupId,
            Aliases = aliases,
            BirthDates = _birthDates,
            BirthPlaces = _birthPlaces,
            Nationalities = _nationalities,
            Countries = _countries,
            Addresses = _addresses,
            Identifiers = _identifiers,
            Programs = _programs,
            ListedOn = _listedOn,
            LastUpdated = _lastUpdated,
            Gender = GenderFrom(remarks),
            Titles = _titles,
            Remarks = remarks,
            Provenance = new Provenance(log.Source, log.FileName, publicationDate),
        };
    }

    private static string? RowName(ConListRow row, ConListColumns c, bool isPerson)
    {
        var surname = c.Get(row, "Name 6");
        if (!isPerson && surname is not null)
        {
            return surname;
        }

        return FieldText.Join(" ", c.Get(row, "Name 1"), c.Get(row, "Name 2"), c.Get(row, "Name 3"), c.Get(row, "Name 4"), c.Get(row, "Name 5"), surname);
    }

    private void AddName(string name, AliasKind kind, AliasQuality quality, string? script, string? language)
    {
        foreach (var n in _names)
        {
            if (string.Equals(n.Name, name, StringComparison.Ordinal))
            {
                return;
            }
        }

        _names.Add((name, kind, quality, script, language));
    }

    private void AddBirthDate(ConListRow row, string? text, ReadLog log)
    {
        if (text is null)
        {
            return;
        }

        if (TryUkBirthDate(text, out var date))
        {
            FieldText.AddDistinct(_birthDates, date);
        }
        else
        {
            log.Warning(row.Number, ConListColumns.Dob, $"Group ID {groupId}: '{text}' is not a date (dd/mm/yyyy, mm/yyyy or yyyy)");
        }
    }

    /// <summary>Parses <c>dd/mm/yyyy</c> (00 for an unknown day or month), <c>mm/yyyy</c> or <c>yyyy</c>.</summary>
    internal static bool TryUkBirthDate(string text, out BirthDate date)
    {
        date = default;
        var parts = text.Split('/');
        if (parts.Length is < 1 or > 3 || !int.TryParse(parts[^1], out var year) || year is < 1000 or > 9999 || parts[^1].Length != 4)
        {
            return false;
        }

        var month = 0;
        var day = 0;
        if (parts.Length >= 2 && !(int.TryParse(parts[^2], out month) && month is >= 0 and <= 12))
        {
            return false;
        }

        if (parts.Length == 3 && !(int.TryParse(parts[0], out day) && day >= 0 && day <= (month == 0 ? 31 : DateTime.DaysInMonth(year, month))))
        {
            return false;
        }

        date = BirthDate.FromParts(year, month, day);
        return true;
    }

    private void AddDocuments(ConListRow row, ConListColumns c)
    {
        AddNumbered(IdentifierType.Passport, c.Get(row, ConListColumns.PassportNumber), c.Get(row, ConListColumns.PassportDetails));
        AddNumbered(IdentifierType.NationalId, c.Get(row, ConListColumns.NationalIdNumber), c.Get(row, ConListColumns.NationalIdDetails));
        foreach (var item in SplitNumbered(c.Get(row, ConListColumns.NiNumber)))
        {
            FieldText.AddDistinct(_identifiers, new Identifier(IdentifierType.NationalId, item, null, ConListColumns.NiNumber));
        }
    }

    // Numbers and details are numbered alike, "(1) 28642163 (2) 954242" beside "(1) German provisional (2) Moroccan";
    // the 2016 layout has details only, so each detail item stands as the value.
    private void AddNumbered(IdentifierType type, string? numbers, string? details)
    {
        var detailItems = SplitNumbered(details);
        if (numbers is null)
        {
            foreach (var item in detailItems)
            {
                FieldText.AddDistinct(_identifiers, new Identifier(type, item));
            }

            return;
        }

        var numberItems = SplitNumbered(numbers);
        for (var i = 0; i < numberItems.Count; i++)
        {
            var note = numberItems.Count == detailItems.Count ? detailItems[i] : details;
            FieldText.AddDistinct(_identifiers, new Identifier(type, numberItems[i], null, note));
        }
    }

    private DateOnly? ReadDate(ConListRow row, ConListColumns c, string column, ReadLog log)
    {
        var text = c.Get(row, column);
        if (text is null)
        {
            return null;
        }

        if (FieldText.TryDate(text, "dd/MM/yyyy", out var date))
        {
            return date;
        }

        log.Warning(row.Number, column, $"Group ID {groupId}: '{text}' is not a date (dd/mm/yyyy)");
        return null;
    }

    /// <summary>Splits "(1) A (2) B" into its items; text without numbering is one item.</summary>
    internal static List<string> SplitNumbered(string? text)
    {
        var items = new List<string>();
        if (text is null)
        {
            return items;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '(')
            {
                continue;
            }

            var j = i + 1;
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            if (j > i + 1 && j < text.Length && text[j] == ')')
            {
                FieldText.AddDistinct(items, text[start..i]);
                start = j + 1;
                i = j;
            }
        }

        FieldText.AddDistinct(items, text[start..]);
        return items;
    }

    // The 2022 layout ends "Other Information" with "(Gender):Male".
    private static string? GenderFrom(string? remarks)
    {
        const string Marker = "(Gender):";
        var at = remarks?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var rest = remarks.AsSpan(at + Marker.Length).TrimStart();
        return rest.StartsWith("Male", StringComparison.OrdinalIgnoreCase) ? "Male"
            : rest.StartsWith("Female", StringComparison.OrdinalIgnoreCase) ? "Female"
            : null;
    }
}
