using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Chokepoint.Core;
using Chokepoint.Lists.Common;

namespace Chokepoint.Lists.Ofac;

/// <summary>One row of an OFAC legacy CSV file, with <c>-0- </c> already turned into empty strings.</summary>
internal readonly record struct OfacCsvRow(int Line, int EntNum, string[] Fields);

/// <summary>Reads one headerless OFAC legacy CSV file into checked rows.</summary>
/// <remarks>
/// Decoding: Windows-1252, which OFAC documents for these files; a file that is valid UTF-8 with non-ASCII text is
/// read as UTF-8 with a warning, since some mirrors re-encode. Thread-safe (no state).
/// </remarks>
internal static class OfacCsvTable
{
    // Stops a badly broken file from producing thousands of identical errors.
    private const int MaxErrorsPerFile = 20;

    /// <summary>Reads the file; returns null and adds errors when it cannot be used.</summary>
    public static List<OfacCsvRow>? Read(
        FileInfo file, string displayName, string[] columns, List<ListDiagnostic> diagnostics, List<SourceFile> files, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (IOException ex)
        {
            diagnostics.Add(Error(displayName, 0, null, $"cannot read the file: {ex.Message}"));
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            diagnostics.Add(Error(displayName, 0, null, $"cannot read the file: {ex.Message}"));
            return null;
        }

        files.Add(OfacSourceFile.Describe(file.Name, bytes));
        if (bytes.AsSpan().IndexOfAnyExcept(" \t\r\n\u001A"u8) < 0)
        {
            diagnostics.Add(Error(displayName, 0, null, "the file is empty"));
            return null;
        }

        if (OfacSourceFile.LooksLikeHtml(bytes))
        {
            diagnostics.Add(Error(displayName, 1, null, "the file is an HTML page, not CSV (an error page saved in place of the list?)"));
            return null;
        }

        var nul = bytes.AsSpan().IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(Error(displayName, OfacSourceFile.LineOf(bytes, nul), null,
                "the file holds NUL bytes: it is UTF-16 or binary, not Windows-1252 text"));
            return null;
        }

        var isUtf8 = !Ascii.IsValid(bytes) && Utf8.IsValid(bytes);
        var text = (isUtf8 ? Encoding.UTF8 : OfacSourceFile.Windows1252).GetString(bytes);
        return Tokenize(text, isUtf8, displayName, columns, diagnostics, cancellationToken);
    }

    private static List<OfacCsvRow>? Tokenize(
        string text, bool isUtf8, string displayName, string[] columns, List<ListDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var reader = new CsvReader(text);
        var fields = new List<string>(columns.Length + 2);
        var rows = new List<OfacCsvRow>();
        var errors = 0;
        var warnedEncoding = !isUtf8;
        while (errors < MaxErrorsPerFile)
        {
            var status = reader.ReadRecord(fields);
            if (status == CsvRecordStatus.EndOfData)
            {
                break;
            }

            if (status == CsvRecordStatus.UnterminatedQuote)
            {
                diagnostics.Add(Error(displayName, reader.RecordLine, columns[Math.Min(fields.Count, columns.Length - 1)],
                    "a quoted field is not closed before the end of the file (truncated download?)"));
                errors++;
                break;
            }

            var line = reader.RecordLine;
            if ((line & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (fields.Count != columns.Length)
            {
                var field = fields.Count < columns.Length ? columns[fields.Count] : columns[^1];
                diagnostics.Add(Error(displayName, line, field,
                    $"expected {columns.Length} columns, found {fields.Count} (truncated or malformed row)"));
                errors++;
                continue;
            }

            var values = new string[columns.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Clean(fields[i]);
                if (!warnedEncoding && !Ascii.IsValid(values[i]))
                {
                    warnedEncoding = true;
                    diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Warning, displayName, line, columns[i],
                        "the file is UTF-8, not the Windows-1252 OFAC publishes; it was read as UTF-8"));
                }
            }

            if (!int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var entNum) || entNum <= 0)
            {
                diagnostics.Add(Error(displayName, line, columns[0], $"'{values[0]}' is not a positive whole number"));
                errors++;
                continue;
            }

            rows.Add(new OfacCsvRow(line, entNum, values));
        }

        return errors == 0 ? rows : null;
    }

    /// <summary>Trims a value and maps OFAC's "no value" marker <c>-0-</c> (any column) to empty.</summary>
    private static string Clean(string value)
    {
        var span = value.AsSpan().Trim();
        if (span.SequenceEqual("-0-"))
        {
            return string.Empty;
        }

        return span.Length == value.Length ? value : span.ToString();
    }

    public static ListDiagnostic Error(string file, int line, string? field, string message) =>
        new(DiagnosticSeverity.Error, file, line, field, message);
}
