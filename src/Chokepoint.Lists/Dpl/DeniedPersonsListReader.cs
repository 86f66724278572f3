using System.Security.Cryptography;
using System.Text;
using Chokepoint.Core;

namespace Chokepoint.Lists.Dpl;

/// <summary>Reads the BIS Denied Persons List (<c>dpl.txt</c>: tab-separated, every field quoted, one header row).</summary>
/// <remarks>
/// <para>The file carries no key. Each row is keyed by the first 12 hex digits of the SHA-256 of its normalised name,
/// street, city, country and effective date (upper-cased, whitespace collapsed, joined with <c>|</c>): the key survives
/// new orders elsewhere in the file, which a row number would not, and changes only when the party's own row does.
/// Rows that normalise alike get <c>#2</c>, <c>#3</c>….</para>
/// <para>Values are trimmed. <c>Effective_Date</c>/<c>Expiration_Date</c> are <c>mm/dd/yyyy</c> and
/// <c>Last_Update</c> is <c>yyyy-mm-dd</c>. The publication date is the folder date: the file's largest
/// <c>Last_Update</c> is unreliable (typed as <c>3033-09-30</c> in 2023), so a <c>Last_Update</c> after the folder
/// date is a warning and is not kept. Stateless and thread-safe.</para>
/// </remarks>
public sealed class DeniedPersonsListReader : IListReader
{
    /// <summary>The source folder name.</summary>
    public const string SourceName = "us_bis_dpl";

    /// <summary>The official file name.</summary>
    public const string FileName = "dpl.txt";

    private static readonly string[] Required = ["Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date", "Expiration_Date", "Last_Update"];

    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get; } = [SourceName];

    /// <inheritdoc />
    public bool CanRead(string source, DirectoryInfo folder) => SourceFiles.FindFirst(folder, FileName) is not null;

    /// <inheritdoc />
    public ListReadResult Read(string source, DirectoryInfo folder, DateOnly publicationDate, CancellationToken cancellationToken = default)
    {
        var log = ReadLog.Open(source, folder, out var file, FileName);
        if (file is null)
        {
            return log.Missing(FileName);
        }

        var path = file.FullName;

        var text = SourceFiles.DecodeText(File.ReadAllBytes(path));
        var keys = new KeyRegistry();
        var entries = DelimitedRows.ReadTable(
            text, '\t', Required, log, (map, fields, line) => ReadRow(map, fields, line, log, keys, publicationDate), cancellationToken);
        return log.Complete(publicationDate, entries, FileName);
    }

    /// <summary>Returns the content key of a row: 12 hex digits of the SHA-256 of the normalised parts.</summary>
    public static string ContentKey(string name, string? street, string? city, string? country, string? effectiveDate)
    {
        var sb = new StringBuilder();
        foreach (var part in (ReadOnlySpan<string?>)[name, street, city, country, effectiveDate])
        {
            if (sb.Length > 0)
            {
                sb.Append('|');
            }

            var space = false;
            foreach (var c in (part ?? string.Empty).Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }

                sb.Append(char.ToUpperInvariant(c));
            }
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }

    private static ListEntry? ReadRow(HeaderMap map, List<string> row, int line, ReadLog log, KeyRegistry keys, DateOnly publicationDate)
    {
        var name = map.Get(row, "Name");
        if (name is null)
        {
            log.Error(line, "Name", "the row has no name");
            return null;
        }

        var street = map.Get(row, "Street_Address");
        var city = map.Get(row, "City");
        var country = map.Get(row, "Country");
        var effective = map.Get(row, "Effective_Date");
        var key = keys.Claim(ContentKey(name, street, city, country, effective), log, line, "Name");

        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in (ReadOnlySpan<string>)["Expiration_Date", "Standard_Order", "Action", "FR_Citation"])
        {
            if (map.Get(row, column) is { } value)
            {
                details[column] = value;
            }
        }

        DateOnly? listedOn = null;
        if (effective is not null)
        {
            if (FieldText.TryDate(effective, "MM/dd/yyyy", out var d))
            {
                listedOn = d;
            }
            else
            {
                log.Warning(line, "Effective_Date", $"'{effective}' is not a date (mm/dd/yyyy)");
            }
        }

        if (map.Get(row, "Expiration_Date") is { } expiration && !FieldText.TryDate(expiration, "MM/dd/yyyy", out _))
        {
            log.Warning(line, "Expiration_Date", $"'{expiration}' is not a date (mm/dd/yyyy)");
        }

        DateOnly? updated = null;
        if (map.Get(row, "Last_Update") is { } lastUpdate)
        {
            if (!FieldText.TryIsoDate(lastUpdate, out var d))
            {
                log.Warning(line, "Last_Update", $"'{lastUpdate}' is not a date (yyyy-mm-dd)");
            }
            else if (d > publicationDate)
            {
                log.Warning(line, "Last_Update", $"{lastUpdate} is after the list's date {publicationDate:yyyy-MM-dd}; it is ignored as a typing error");
            }
            else
            {
                updated = d;
            }
        }

        var address = FieldText.Address(street, city, map.Get(row, "State"), map.Get(row, "Postal_Code"), country);
        return new ListEntry
        {
            Id = new EntityId(log.Source, key),
            Schema = EntitySchema.Unknown,
            Name = name,
            Addresses = address is null ? [] : [address],
            Countries = address?.Country is { } c ? [c] : [],
            ListedOn = listedOn,
            LastUpdated = updated,
            Details = details,
            Provenance = new Provenance(log.Source, FileName, publicationDate),
        };
    }
}
