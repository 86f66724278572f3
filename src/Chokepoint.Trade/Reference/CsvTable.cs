using Chokepoint.Core;

namespace Chokepoint.Trade.Reference;

/// <summary>A CSV file read into rows of fields (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes).</summary>
/// <remarks>Built once per file at load; immutable afterwards.</remarks>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, string[] header, List<CsvRow> rows)
    {
        File = file;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            _columns[header[i]] = i;
        }

        Rows = rows;
    }

    public string File { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    public string Get(CsvRow row, string column) =>
        _columns.TryGetValue(column, out var i) && i < row.Fields.Length ? row.Fields[i].Trim() : string.Empty;

    /// <summary>Reads a CSV text; structural problems (unterminated quotes, wrong field counts) become diagnostics.</summary>
    public static CsvTable? Read(string file, string text, string[] requiredColumns, List<ListDiagnostic> diagnostics)
    {
        var records = Split(file, text, diagnostics);
        if (records.Count == 0)
        {
            diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, file, 1, null, "the file is empty; a header row is required"));
            return null;
        }

        var header = records[0].Fields;
        if (header.Length > 0)
        {
            header[0] = header[0].TrimStart('\uFEFF');
        }

        var missing = false;
        foreach (var column in requiredColumns)
        {
            if (System.Array.IndexOf(header, column) < 0)
            {
                diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, file, 1, column, "required column is missing from the header"));
                missing = true;
            }
        }

        if (missing)
        {
            return null;
        }

        var rows = new List<CsvRow>(records.Count - 1);
        for (var i = 1; i < records.Count; i++)
        {
            var r = records[i];
            if (r.Fields.Length == 1 && r.Fields[0].Length == 0)
            {
                continue;
            }

            if (r.Fields.Length != header.Length)
            {
                diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, file, r.Line, null, $"expected {header.Length} fields, found {r.Fields.Length}"));
                continue;
            }

            rows.Add(r);
        }

        return new CsvTable(file, header, rows);
    }

    private static List<CsvRow> Split(string file, string text, List<ListDiagnostic> diagnostics)
    {
        var records = new List<CsvRow>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new CsvRow(recordLine, [.. fields]));
                    fields.Clear();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, file, recordLine, null, "a quoted field is not closed before the end of the file"));
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRow(recordLine, [.. fields]));
        }

        return records;
    }
}

/// <summary>One CSV record and the 1-based line it starts on.</summary>
internal sealed record CsvRow(int Line, string[] Fields);
