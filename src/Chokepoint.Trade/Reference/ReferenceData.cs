using System.Collections.Frozen;
using System.Globalization;
using Chokepoint.Core;
using Chokepoint.Trade.Reference;

namespace Chokepoint.Trade;

/// <summary>
/// The reference tables for item and shipment screening, read at run time from a directory (never copied into the
/// repository): CHPL HS codes, Iran UAV items, red flags, transshipment countries, places of concern, battlefield
/// components and GECC members.
/// </summary>
/// <remarks>Immutable once loaded and thread-safe.</remarks>
public sealed class ReferenceData
{
    /// <summary>The file names the directory must hold.</summary>
    public static readonly IReadOnlyList<string> FileNames =
    [
        "chpl_hs_codes.csv", "iran_uav_items.csv", "red_flags.csv", "transshipment_countries.csv",
        "places_of_concern.csv", "battlefield_components.csv", "gecc_countries.csv",
    ];

    private ReferenceData()
    {
    }

    /// <summary>Gets the directory the tables were read from.</summary>
    public string Directory { get; private init; } = string.Empty;

    /// <summary>Gets the Common High Priority List rows.</summary>
    public IReadOnlyList<ChplEntry> Chpl { get; private init; } = [];

    /// <summary>Gets the Iran UAV item rows.</summary>
    public IReadOnlyList<IranUavItem> IranUavItems { get; private init; } = [];

    /// <summary>Gets the red-flag indicators.</summary>
    public IReadOnlyList<RedFlagIndicator> RedFlags { get; private init; } = [];

    /// <summary>Gets the transshipment-country rows (a country may appear once per source).</summary>
    public IReadOnlyList<TransshipmentCountry> TransshipmentCountries { get; private init; } = [];

    /// <summary>Gets the places of concern.</summary>
    public IReadOnlyList<PlaceOfConcern> Places { get; private init; } = [];

    /// <summary>Gets the battlefield components.</summary>
    public IReadOnlyList<BattlefieldComponent> Components { get; private init; } = [];

    /// <summary>Gets the GECC members.</summary>
    public IReadOnlyList<GeccCountry> GeccCountries { get; private init; } = [];

    /// <summary>Gets the red flags by id.</summary>
    public FrozenDictionary<string, RedFlagIndicator> RedFlagsById { get; private init; } = FrozenDictionary<string, RedFlagIndicator>.Empty;

    /// <summary>Gets the GECC member codes.</summary>
    public FrozenSet<string> GeccCodes { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Gets the transshipment rows by country code.</summary>
    public FrozenDictionary<string, TransshipmentCountry[]> TransshipmentByCountry { get; private init; } = FrozenDictionary<string, TransshipmentCountry[]>.Empty;

    /// <summary>Gets whether the country is a member of the Global Export Control Coalition.</summary>
    public bool IsGecc(string? iso2) => iso2 is not null && GeccCodes.Contains(iso2);

    /// <summary>Gets whether the authorities named the country as a transshipment or diversion point.</summary>
    public bool IsTransshipment(string? iso2) => iso2 is not null && TransshipmentByCountry.ContainsKey(iso2);

    /// <summary>Reads every table from a directory.</summary>
    /// <param name="directory">The reference directory (see <see cref="ReferenceDirectory.Resolve"/>).</param>
    /// <returns>The data, or the errors naming file, line and field; never throws for bad files.</returns>
    public static ReferenceDataResult Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var diagnostics = new List<ListDiagnostic>();
        if (!System.IO.Directory.Exists(directory))
        {
            diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, directory, 0, null, "the reference directory does not exist"));
            return new ReferenceDataResult(null, diagnostics);
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in FileNames)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, name, 0, null, "the file is missing from the reference directory"));
                continue;
            }

            texts[name] = File.ReadAllText(path);
        }

        if (diagnostics.Count > 0)
        {
            return new ReferenceDataResult(null, diagnostics);
        }

        var data = FromTexts(Path.GetFullPath(directory), texts, diagnostics);
        var failed = diagnostics.Exists(x => x.Severity == DiagnosticSeverity.Error);
        return new ReferenceDataResult(failed ? null : data, diagnostics);
    }

    private static ReferenceData FromTexts(string directory, Dictionary<string, string> texts, List<ListDiagnostic> diagnostics)
    {
        var chpl = ReadRows(texts, "chpl_hs_codes.csv", ["hs6", "tier", "short_description", "list_version_date", "notes"], diagnostics, (t, r, loc) =>
        {
            var hs = t.Get(r, "hs6");
            var tier = t.Get(r, "tier");
            if (hs.Length != 6 || !HsCode.TryParse(hs, out var code))
            {
                return Bad<ChplEntry>(diagnostics, loc, "hs6", $"'{hs}' is not a 6-digit HS code");
            }

            if (tier is not ("1" or "2" or "3.A" or "3.B" or "4.A" or "4.B"))
            {
                return Bad<ChplEntry>(diagnostics, loc, "tier", $"'{tier}' is not a CHPL tier (1, 2, 3.A, 3.B, 4.A, 4.B)");
            }

            return new ChplEntry(code, tier, t.Get(r, "short_description"), t.Get(r, "list_version_date"), t.Get(r, "notes"), loc);
        });

        var uav = ReadRows(texts, "iran_uav_items.csv", ["source_document", "hs_code", "item_description", "notes"], diagnostics, (t, r, loc) =>
        {
            var hs = t.Get(r, "hs_code");
            HsCode? code = null;
            if (hs.Length > 0)
            {
                if (!HsCode.TryParse(hs, out var c))
                {
                    return Bad<IranUavItem>(diagnostics, loc, "hs_code", $"'{hs}' is not an HS code");
                }

                code = c;
            }

            var description = t.Get(r, "item_description");
            return description.Length == 0
                ? Bad<IranUavItem>(diagnostics, loc, "item_description", "required value is empty")
                : new IranUavItem(t.Get(r, "source_document"), code, description, t.Get(r, "notes"), loc);
        });

        var flags = ReadRows(texts, "red_flags.csv", ["id", "source_document", "category", "indicator", "data_needed"], diagnostics, (t, r, loc) =>
        {
            var id = t.Get(r, "id");
            var category = t.Get(r, "category");
            if (id.Length == 0)
            {
                return Bad<RedFlagIndicator>(diagnostics, loc, "id", "required value is empty");
            }

            if (category is not ("party" or "address" or "route" or "payment" or "product" or "behaviour"))
            {
                return Bad<RedFlagIndicator>(diagnostics, loc, "category", $"'{category}' is not a category (party, address, route, payment, product, behaviour)");
            }

            var needed = t.Get(r, "data_needed").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new RedFlagIndicator(id, t.Get(r, "source_document"), category, t.Get(r, "indicator"), needed, loc);
        });

        var transshipment = ReadRows(texts, "transshipment_countries.csv", ["country", "iso2", "source_document", "note", "basis"], diagnostics, (t, r, loc) =>
            Iso2(t.Get(r, "iso2")) is { } iso
                ? new TransshipmentCountry(t.Get(r, "country"), iso, t.Get(r, "source_document"), t.Get(r, "note"), t.Get(r, "basis"), loc)
                : Bad<TransshipmentCountry>(diagnostics, loc, "iso2", $"'{t.Get(r, "iso2")}' is not an ISO alpha-2 code"));

        var places = ReadRows(texts, "places_of_concern.csv", ["name", "alt_names", "kind", "country", "lat", "lon", "source_document", "notes"], diagnostics, (t, r, loc) =>
        {
            if (Iso2(t.Get(r, "country")) is not { } iso)
            {
                return Bad<PlaceOfConcern>(diagnostics, loc, "country", $"'{t.Get(r, "country")}' is not an ISO alpha-2 code");
            }

            if (!double.TryParse(t.Get(r, "lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90)
            {
                return Bad<PlaceOfConcern>(diagnostics, loc, "lat", $"'{t.Get(r, "lat")}' is not a latitude");
            }

            if (!double.TryParse(t.Get(r, "lon"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || lon is < -180 or > 180)
            {
                return Bad<PlaceOfConcern>(diagnostics, loc, "lon", $"'{t.Get(r, "lon")}' is not a longitude");
            }

            var alt = t.Get(r, "alt_names").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new PlaceOfConcern(t.Get(r, "name"), alt, t.Get(r, "kind"), iso, lat, lon, t.Get(r, "source_document"), t.Get(r, "notes"), loc);
        });

        var components = ReadRows(texts, "battlefield_components.csv", ["weapon", "component_function", "manufacturer", "part_number", "hs6_guess", "source_document", "part_number_normalized", "gur_specimen", "source_url"], diagnostics, (t, r, loc) =>
        {
            var normalized = t.Get(r, "part_number_normalized");
            if (normalized.Length == 0)
            {
                return Bad<BattlefieldComponent>(diagnostics, loc, "part_number_normalized", "required value is empty");
            }

            var hs = t.Get(r, "hs6_guess");
            HsCode? guess = null;
            if (hs.Length > 0)
            {
                if (!HsCode.TryParse(hs, out var c))
                {
                    return Bad<BattlefieldComponent>(diagnostics, loc, "hs6_guess", $"'{hs}' is not an HS code");
                }

                guess = c;
            }

            var urls = t.Get(r, "source_url").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new BattlefieldComponent(t.Get(r, "weapon"), t.Get(r, "component_function"), t.Get(r, "manufacturer"), t.Get(r, "part_number"), guess, t.Get(r, "source_document"), normalized, t.Get(r, "gur_specimen"), urls, loc);
        });

        var gecc = ReadRows(texts, "gecc_countries.csv", ["country", "iso2", "source_document"], diagnostics, (t, r, loc) =>
            Iso2(t.Get(r, "iso2")) is { } iso
                ? new GeccCountry(t.Get(r, "country"), iso, t.Get(r, "source_document"), loc)
                : Bad<GeccCountry>(diagnostics, loc, "iso2", $"'{t.Get(r, "iso2")}' is not an ISO alpha-2 code"));

        var byId = new Dictionary<string, RedFlagIndicator>(StringComparer.Ordinal);
        foreach (var f in flags)
        {
            if (!byId.TryAdd(f.Id, f))
            {
                diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, f.Location.File, f.Location.Line, "id", $"'{f.Id}' repeats an earlier id"));
            }
        }

        return new ReferenceData
        {
            Directory = directory,
            Chpl = chpl,
            IranUavItems = uav,
            RedFlags = flags,
            TransshipmentCountries = transshipment,
            Places = places,
            Components = components,
            GeccCountries = gecc,
            RedFlagsById = byId.ToFrozenDictionary(StringComparer.Ordinal),
            GeccCodes = gecc.Select(g => g.Iso2).ToFrozenSet(StringComparer.Ordinal),
            TransshipmentByCountry = transshipment.GroupBy(x => x.Iso2, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal),
        };
    }

    private static List<T> ReadRows<T>(
        Dictionary<string, string> texts, string file, string[] columns, List<ListDiagnostic> diagnostics, Func<CsvTable, CsvRow, ReferenceRowLocation, T?> map)
        where T : class
    {
        var table = CsvTable.Read(file, texts[file], columns, diagnostics);
        var list = new List<T>();
        if (table is null)
        {
            return list;
        }

        foreach (var row in table.Rows)
        {
            if (map(table, row, new ReferenceRowLocation(file, row.Line)) is { } value)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private static T? Bad<T>(List<ListDiagnostic> diagnostics, ReferenceRowLocation loc, string field, string message)
        where T : class
    {
        diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, loc.File, loc.Line, field, message));
        return null;
    }

    private static string? Iso2(string s) =>
        s.Length == 2 && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiLetterUpper(s[1]) ? s : null;
}

/// <summary>The outcome of loading the reference tables.</summary>
/// <param name="Data">The tables, or null when any file had an error.</param>
/// <param name="Diagnostics">Errors and warnings naming file, line and field.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ReferenceDataResult(ReferenceData? Data, IReadOnlyList<ListDiagnostic> Diagnostics)
{
    /// <summary>Gets whether loading succeeded.</summary>
    public bool Succeeded => Data is not null;
}
