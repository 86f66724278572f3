using Chokepoint.Core;
using DocumentFormat.OpenXml.Packaging;

namespace Chokepoint.Lists.Uk;

/// <summary>Reads the UK OFSI Consolidated List: <c>ConList.xlsx</c> (2022 layout) or the CSV (<c>ConList.csv</c>, 2016 <c>sanctionsconlist.csv</c>).</summary>
/// <remarks>
/// <para>Row 1 is <c>Last Updated,dd/mm/yyyy</c> (the publication date); row 2 is the header, matched by column name.
/// Each later row is one name variation; rows sharing a <c>Group ID</c> are one target (key = Group ID). The row whose
/// <c>Alias Type</c> is "Primary name" (2016: "Prime Alias") gives the entry name; other rows give aliases, and the
/// non-Latin-script column gives aliases with their script. Birth dates, nationalities, documents and addresses are
/// gathered from every row of the group without repeats.</para>
/// <para>A missing column, an unreadable workbook or a row without a Group ID fails the read; a bad date is a warning.
/// Stateless and thread-safe.</para>
/// </remarks>
public sealed class UkConsolidatedListReader : IListReader
{
    /// <summary>The source folder name.</summary>
    public const string SourceName = "uk_ofsi_conlist";

    private static readonly string[] FileNames = ["ConList.xlsx", "ConList.csv", "sanctionsconlist.csv"];

    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get; } = [SourceName];

    /// <inheritdoc />
    public bool CanRead(string source, DirectoryInfo folder) => SourceFiles.FindFirst(folder, FileNames) is not null;

    /// <inheritdoc />
    public ListReadResult Read(string source, DirectoryInfo folder, DateOnly publicationDate, CancellationToken cancellationToken = default)
    {
        var log = ReadLog.Open(source, folder, out var file, FileNames);
        if (file is null)
        {
            return log.Missing(FileNames);
        }
        if (file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            SpreadsheetDocument document;
            try
            {
                document = SpreadsheetDocument.Open(file.FullName, false);
            }
            catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException)
            {
                return log.Fail(0, null, $"not a readable xlsx workbook: {e.Message}");
            }

            using (document)
            {
                try
                {
                    return ReadRows(ConListRows.FromWorkbook(document), log, publicationDate, cancellationToken);
                }
                catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or OpenXmlPackageException)
                {
                    return log.Fail(0, null, $"not a readable ConList workbook: {e.Message}");
                }
            }
        }

        var text = SourceFiles.DecodeText(File.ReadAllBytes(file.FullName));
        var rows = ConListRows.FromCsv(text, log);
        return ReadRows(rows, log, publicationDate, cancellationToken);
    }

    private static ListReadResult ReadRows(IEnumerable<ConListRow> rows, ReadLog log, DateOnly publicationDate, CancellationToken cancellationToken)
    {
        using var e = rows.GetEnumerator();
        if (!e.MoveNext() || e.Current.Cells.Count < 2 || !string.Equals(e.Current.Cells[0].Trim(), "Last Updated", StringComparison.OrdinalIgnoreCase))
        {
            return log.Fail(1, "Last Updated", "row 1 must be 'Last Updated,<dd/mm/yyyy>'");
        }

        if (!FieldText.TryDate(e.Current.Cells[1], "dd/MM/yyyy", out publicationDate))
        {
            return log.Fail(e.Current.Number, "Last Updated", $"'{e.Current.Cells[1]}' is not a date (dd/mm/yyyy)");
        }

        if (!e.MoveNext())
        {
            return log.Fail(2, null, "the header row is missing");
        }

        var columns = ConListColumns.Create(e.Current, log);
        if (columns is null)
        {
            return log.Complete(publicationDate, []);
        }

        var groups = new Dictionary<string, ConListGroup>(StringComparer.Ordinal);
        var order = new List<ConListGroup>();
        while (e.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = e.Current;
            var groupId = columns.Get(row, ConListColumns.GroupId);
            if (groupId is null)
            {
                log.Error(row.Number, ConListColumns.GroupId, "the row has no Group ID");
                continue;
            }

            if (!groups.TryGetValue(groupId, out var group))
            {
                groups[groupId] = group = new ConListGroup(groupId, row.Number);
                order.Add(group);
            }

            group.Add(row, columns, log);
        }

        var entries = new List<ListEntry>(order.Count);
        if (!log.HasErrors)
        {
            foreach (var group in order)
            {
                entries.Add(group.ToEntry(log, publicationDate));
            }
        }

        return log.Complete(publicationDate, entries, log.FileName);
    }
}
