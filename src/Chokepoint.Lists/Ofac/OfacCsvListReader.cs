using System.Globalization;
using System.Runtime.InteropServices;
using Chokepoint.Core;

namespace Chokepoint.Lists.Ofac;

/// <summary>
/// Reads OFAC's legacy CSV sets: the SDN list (<c>sdn.csv</c>, <c>alt.csv</c>, <c>add.csv</c>, <c>sdn_comments.csv</c>)
/// and the Consolidated non-SDN list (<c>cons_prim.csv</c>, <c>cons_alt.csv</c>, <c>cons_add.csv</c>, <c>cons_comments.csv</c>).
/// </summary>
/// <remarks>
/// <para>The primary file is required. A missing companion is a warning; a companion without its primary is an error.
/// Companion rows whose <c>ent_num</c> is not in the primary are warnings, and a repeated <c>ent_num</c> in the primary
/// is a warning whose later record is kept apart under the key <c>&lt;ent_num&gt;#2</c>. Malformed rows (column count,
/// <c>ent_num</c>, quotes), empty files and HTML pages are errors and fail the read.</para>
/// <para>Fields held in the remarks (DOB, POB, nationality, documents, weak aliases, "Linked To:" …) are parsed into the
/// entry; the remarks are kept whole. The files carry no date, so the folder's date is the publication date. See
/// docs/lists.md for the field mapping.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public sealed class OfacCsvListReader : IListReader
{
    internal static readonly string[] PrimaryColumns =
        ["ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"];

    internal static readonly string[] AltColumns = ["ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"];

    internal static readonly string[] AddColumns = ["ent_num", "add_num", "address", "city_state_postal_code", "country", "add_remarks"];

    internal static readonly string[] CommentColumns = ["ent_num", "remarks_extended"];

    private static readonly OfacCsvFileSet SdnSet = new("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv");

    private static readonly OfacCsvFileSet ConsSet = new("cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv");

    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get; } = [OfacSources.Sdn, OfacSources.Consolidated];

    /// <inheritdoc />
    /// <remarks>True when the folder holds any file of either CSV set (a lone companion is read to report its error).</remarks>
    public bool CanRead(string source, DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Sources.Contains(source, StringComparer.Ordinal) && FindSet(source, folder) is not null;
    }

    /// <inheritdoc />
    public ListReadResult Read(string source, DirectoryInfo folder, DateOnly publicationDate, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(folder);
        var diagnostics = new List<ListDiagnostic>();
        var files = new List<SourceFile>();
        var set = FindSet(source, folder);
        if (set is null)
        {
            diagnostics.Add(OfacCsvTable.Error(OfacSourceFile.DisplayName(source, folder, SdnSet.Primary), 0, null,
                "no OFAC CSV file (sdn.csv or cons_prim.csv) in the folder"));
            return ListReadResult.Failure(diagnostics);
        }

        var primaryFile = OfacSourceFile.Find(folder, set.Primary);
        if (primaryFile is null)
        {
            foreach (var companion in set.Companions)
            {
                if (OfacSourceFile.Find(folder, companion) is not null)
                {
                    diagnostics.Add(OfacCsvTable.Error(OfacSourceFile.DisplayName(source, folder, companion), 0, null,
                        $"{companion} has no primary file {set.Primary} beside it"));
                }
            }

            return ListReadResult.Failure(diagnostics);
        }

        var primaryName = OfacSourceFile.DisplayName(source, folder, primaryFile.Name);
        var primaryRows = OfacCsvTable.Read(primaryFile, primaryName, PrimaryColumns, diagnostics, files, cancellationToken);
        if (primaryRows is null)
        {
            return ListReadResult.Failure(diagnostics);
        }

        var entries = new List<OfacEntryBuilder>(primaryRows.Count);
        var byEntNum = new Dictionary<int, OfacEntryBuilder>(primaryRows.Count);
        var counts = new Dictionary<int, int>(primaryRows.Count);
        foreach (var row in primaryRows)
        {
            entries.Add(FromPrimary(row, primaryName, diagnostics, byEntNum, counts));
        }

        var companions = new (string Name, string[] Columns, Action<OfacCsvRow, OfacEntryBuilder> Apply)[]
        {
            (set.Comments, CommentColumns, AppendComment),
            (set.Alt, AltColumns, ApplyAlt),
            (set.Add, AddColumns, ApplyAdd),
        };
        foreach (var (name, columns, apply) in companions)
        {
            var file = OfacSourceFile.Find(folder, name);
            var display = OfacSourceFile.DisplayName(source, folder, file?.Name ?? name);
            if (file is null)
            {
                diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Warning, display, 0, null,
                    $"companion file {name} is missing; entries are read without it"));
                continue;
            }

            var rows = OfacCsvTable.Read(file, display, columns, diagnostics, files, cancellationToken);
            if (rows is null)
            {
                return ListReadResult.Failure(diagnostics);
            }

            foreach (var row in rows)
            {
                if (byEntNum.TryGetValue(row.EntNum, out var entry))
                {
                    apply(row, entry);
                }
                else
                {
                    diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Warning, display, row.Line, columns[0],
                        $"ent_num {row.EntNum} is not in {set.Primary}; the row is ignored"));
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var entry in entries)
        {
            if (entry.Remarks is not null)
            {
                OfacRemarks.Apply(entry.Remarks, entry);
            }
        }

        ResolveLinks(source, entries);
        var provenance = new Provenance(source, primaryFile.Name, publicationDate);
        var built = new ListEntry[entries.Count];
        for (var i = 0; i < built.Length; i++)
        {
            built[i] = entries[i].Build(source, provenance);
        }

        var snapshot = new ListSnapshot { Source = source, PublicationDate = publicationDate, Files = files, Entries = built };
        return ListReadResult.Success(snapshot, diagnostics);
    }

    private static OfacCsvFileSet? FindSet(string source, DirectoryInfo folder)
    {
        OfacCsvFileSet[] order = source == OfacSources.Consolidated ? [ConsSet, SdnSet] : [SdnSet, ConsSet];
        foreach (var set in order)
        {
            if (OfacSourceFile.Find(folder, set.Primary) is not null)
            {
                return set;
            }
        }

        foreach (var set in order)
        {
            foreach (var name in set.Companions)
            {
                if (OfacSourceFile.Find(folder, name) is not null)
                {
                    return set;
                }
            }
        }

        return null;
    }

    private static OfacEntryBuilder FromPrimary(
        OfacCsvRow row, string file, List<ListDiagnostic> diagnostics, Dictionary<int, OfacEntryBuilder> byEntNum, Dictionary<int, int> counts)
    {
        var f = row.Fields;
        var key = row.EntNum.ToString(CultureInfo.InvariantCulture);
        ref var seen = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, row.EntNum, out _);
        seen++;
        if (seen > 1)
        {
            // Companions join the first record only; they cannot tell the repeats apart.
            key = $"{key}#{seen}";
            diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Warning, file, row.Line, PrimaryColumns[0],
                $"ent_num {row.EntNum} is repeated; this record is kept as {key}"));
        }

        var schema = f[2].ToUpperInvariant() switch
        {
            "INDIVIDUAL" => EntitySchema.Person,
            "VESSEL" => EntitySchema.Vessel,
            "AIRCRAFT" => EntitySchema.Aircraft,
            "" => EntitySchema.Organization,
            _ => EntitySchema.Unknown,
        };
        if (schema == EntitySchema.Unknown)
        {
            diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Warning, file, row.Line, PrimaryColumns[2],
                $"unknown type '{f[2]}'; the record is read as an entity"));
            schema = EntitySchema.Organization;
        }

        var entry = new OfacEntryBuilder(key, f[1], schema) { Line = row.Line };
        byEntNum.TryAdd(row.EntNum, entry);
        foreach (var program in f[3].AsSpan().Trim("[] ").ToString().Split("] [", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            OfacEntryBuilder.AddDistinct(entry.Programs, program);
        }

        if (f[4].Length > 0)
        {
            entry.Titles.Add(f[4]);
        }

        if (f[5].Length > 0)
        {
            entry.AddIdentifier(new Identifier(IdentifierType.CallSign, f[5], Note: "Call Sign"));
        }

        entry.AddDetail(OfacDetails.VesselType, f[6]);
        entry.AddDetail(OfacDetails.Tonnage, f[7]);
        entry.AddDetail(OfacDetails.GrossRegisteredTonnage, f[8]);
        entry.AddDetail(OfacDetails.VesselFlag, f[9]);
        entry.AddDetail(OfacDetails.VesselOwner, f[10]);
        if (f[9].Length > 0)
        {
            OfacEntryBuilder.AddDistinct(entry.Countries, Countries.Normalize(f[9]));
        }

        entry.Remarks = f[11].Length > 0 ? f[11] : null;
        return entry;
    }

    private static void AppendComment(OfacCsvRow row, OfacEntryBuilder entry)
    {
        // sdn.csv cuts Remarks at 1,000 characters, often mid-word; the continuation follows it directly.
        var more = row.Fields[1];
        if (more.Length > 0)
        {
            entry.Remarks = (entry.Remarks ?? string.Empty) + more;
        }
    }

    private static void ApplyAlt(OfacCsvRow row, OfacEntryBuilder entry)
    {
        var f = row.Fields;
        var kind = f[2].ToUpperInvariant() switch
        {
            "FKA" => AliasKind.Fka,
            "NKA" => AliasKind.Nka,
            _ => AliasKind.Aka,
        };

        // alt.csv holds OFAC's strong aliases; the weak ones are only in the remarks, in single quotes.
        entry.AddAlias(new Alias(f[3], kind, AliasQuality.Strong));
    }

    private static void ApplyAdd(OfacCsvRow row, OfacEntryBuilder entry)
    {
        var f = row.Fields;
        var street = f[2];
        var cityLine = f[3];
        var countryText = f[4];
        if (street.Length == 0 && cityLine.Length == 0 && countryText.Length == 0)
        {
            return;
        }

        var (city, region, postal) = SplitCityLine(cityLine);
        var country = countryText.Length > 0 ? Countries.Normalize(countryText) : null;
        if (country is not null)
        {
            OfacEntryBuilder.AddDistinct(entry.Countries, country);
        }

        var full = string.Join(", ", ((string[])[street, cityLine, countryText]).Where(static s => s.Length > 0));
        entry.Addresses.Add(new Address(NullIfEmpty(street), city, region, postal, country, full));
    }

    /// <summary>
    /// Splits add.csv's "City/State/Province/Postal Code" column: trailing tokens holding a digit are the postal code
    /// ("London EC3N 1DY"), the first comma part the city, later parts the region ("Culiacan, Sinaloa").
    /// </summary>
    internal static (string? City, string? Region, string? PostalCode) SplitCityLine(string text)
    {
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return (null, null, null);
        }

        var postalStart = span.Length;
        while (true)
        {
            var before = span[..postalStart].TrimEnd();
            var space = before.LastIndexOfAny(' ', ',');
            var token = before[(space + 1)..];
            if (space < 0 || token.IsEmpty || token.IndexOfAnyInRange('0', '9') < 0)
            {
                break;
            }

            postalStart = space + 1;
        }

        var postal = postalStart < span.Length ? span[postalStart..].Trim().ToString() : null;
        var rest = span[..postalStart].TrimEnd(" ,");
        var comma = rest.IndexOf(',');
        var city = (comma < 0 ? rest : rest[..comma]).Trim();
        var region = comma < 0 ? [] : rest[(comma + 1)..].Trim();
        return (city.IsEmpty ? null : city.ToString(), region.IsEmpty ? null : region.ToString(), postal);
    }

    private static void ResolveLinks(string source, List<OfacEntryBuilder> entries)
    {
        var byName = new Dictionary<string, string>(entries.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            byName.TryAdd(e.Name, e.Key);
        }

        foreach (var e in entries)
        {
            for (var i = 0; i < e.LinkedTo.Count; i++)
            {
                var name = e.LinkedTo[i];

                // The remark's closing full stop may belong to the name ("... S.A.").
                if (byName.TryGetValue(name, out var key) || byName.TryGetValue(name + ".", out key))
                {
                    e.LinkedTo[i] = new EntityId(source, key).ToString();
                }
            }
        }
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private sealed record OfacCsvFileSet(string Primary, string Alt, string Add, string Comments)
    {
        public string[] Companions => [Alt, Add, Comments];
    }
}
