using System.Text.Json;
using Chokepoint.Core;

namespace Chokepoint.Lists.OpenSanctions;

/// <summary>Reads an OpenSanctions FollowTheMoney export (<c>entities.ftm.json</c>, one entity per line).</summary>
/// <remarks>
/// <para>Targetable schemas (Person, Company, Organization, LegalEntity, PublicBody, Vessel, Airplane) become entries
/// keyed by the FtM id. Other schemas are folded into the entities they point at and are not emitted: Sanction gives
/// programs and the listing date, Address (through <c>addressEntity</c>) addresses, Passport/Identification and
/// CryptoWallet identifiers, Occupancy the title of the Position held, and Ownership, Directorship, Family,
/// Associate and UnknownLink the ids in <see cref="ListEntry.LinkedTo"/>. Every line is held in memory until the
/// folds are done, which suits dataset exports up to a few hundred MB.</para>
/// <para>When <c>index.json</c> sits beside the file, its <c>updated_at</c> is the publication date and the file's
/// SHA-1 must equal the checksum it lists; a mismatch fails the read. A malformed line fails the read with its line
/// number; an unreadable date is a warning. Stateless and thread-safe.</para>
/// </remarks>
public sealed class FollowTheMoneyListReader : IListReader
{
    /// <summary>The entities file name.</summary>
    public const string FileName = "entities.ftm.json";

    /// <summary>The optional dataset index file name.</summary>
    public const string IndexFileName = "index.json";

    private static readonly HashSet<string> Targetable = new(StringComparer.Ordinal)
    {
        "Person", "Company", "Organization", "LegalEntity", "PublicBody", "Vessel", "Airplane",
    };

    /// <inheritdoc />
    /// <remarks>OpenSanctions sources are named <c>opensanctions_&lt;dataset&gt;_ftm</c>; these are the ones Chokepoint knows.</remarks>
    public IReadOnlyList<string> Sources { get; } =
    [
        "opensanctions_default_ftm", "opensanctions_sanctions_ftm", "opensanctions_peps_ftm", "opensanctions_sa_wiki_peps_ftm",
        "opensanctions_sanctions_ftm_sample",
    ];

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

        var files = new List<string> { FileName };
        var index = new FileInfo(Path.Combine(folder.FullName, IndexFileName));
        if (index.Exists)
        {
            files.Add(IndexFileName);
            publicationDate = CheckIndex(index, new FileInfo(path), log, publicationDate);
            if (log.HasErrors)
            {
                return log.Complete(publicationDate, []);
            }
        }

        var entities = new List<FtmEntity>();
        JsonLines.Read(path, log, (element, line) =>
        {
            var entity = FtmEntity.From(element, line, log);
            if (entity is not null)
            {
                entities.Add(entity);
            }
        }, cancellationToken);
        if (log.HasErrors)
        {
            return log.Complete(publicationDate, []);
        }

        var graph = new FtmGraph(entities);
        var keys = new KeyRegistry();
        var entries = new List<ListEntry>();
        foreach (var entity in entities)
        {
            if (Targetable.Contains(entity.Schema))
            {
                entries.Add(graph.ToEntry(entity, keys.Claim(entity.Id, log, entity.Line, "id"), log, publicationDate));
            }
        }

        return log.Complete(publicationDate, entries, [.. files]);
    }

    private static DateOnly CheckIndex(FileInfo index, FileInfo entities, ReadLog log, DateOnly publicationDate)
    {
        var file = $"{log.Source}/{log.Folder.Name}/{IndexFileName}";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(index.FullName));
        }
        catch (JsonException e)
        {
            log.Error((int)(e.LineNumber ?? -1) + 1, null, $"malformed JSON: {e.Message}", file);
            return publicationDate;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                log.Error(0, null, "expected a JSON object", file);
                return publicationDate;
            }

            var updated = JsonLines.String(root, "updated_at");
            if (FieldText.TryIsoDate(updated, out var date))
            {
                publicationDate = date;
            }
            else
            {
                log.Warning(0, "updated_at", $"missing or unreadable '{updated}'; the folder date is used", file);
            }

            foreach (var resource in JsonLines.Objects(root, "resources"))
            {
                var name = JsonLines.String(resource, "path") ?? JsonLines.String(resource, "name");
                var expected = JsonLines.String(resource, "checksum");
                if (name != FileName || expected is null)
                {
                    continue;
                }

                var actual = SourceFiles.Sha1(entities);
                if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                {
                    log.Error(0, "checksum", $"the SHA-1 of {FileName} is {actual}, but {IndexFileName} lists {expected}");
                }
            }
        }

        return publicationDate;
    }
}
