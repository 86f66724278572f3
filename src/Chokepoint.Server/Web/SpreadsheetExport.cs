using System.Globalization;
using Chokepoint.Cases;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Chokepoint.Server.Web;

/// <summary>A table to download: column headings and rows of text or number cells.</summary>
/// <param name="Sheet">The worksheet name (Excel) and file name stem.</param>
/// <param name="Columns">The column headings.</param>
/// <param name="Rows">The rows; each cell is a <see cref="string"/>, a <see cref="double"/>, an <see cref="int"/> or null.</param>
public sealed record ExportTable(string Sheet, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Writes tables as CSV or Excel (.xlsx) so that no cell can run as a formula when the file is opened.</summary>
/// <remarks>
/// A text cell that begins with <c>= + - @</c>, tab or carriage return gets a leading apostrophe in both formats:
/// spreadsheets run such cells as formulas (CSV injection), and a re-saved .xlsx becomes a CSV again. Numbers stay
/// numbers. Stateless and thread-safe.
/// </remarks>
public static class SpreadsheetExport
{
    /// <summary>The media type of a CSV download.</summary>
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>The media type of an .xlsx download.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Returns the text with a leading apostrophe when a spreadsheet would read it as a formula.</summary>
    public static string Neutralize(string? text) => CsvText.NeutralizeFormula(text);

    /// <summary>Writes the table as RFC 4180 CSV with a header line and CRLF line ends.</summary>
    public static void WriteCsv(ExportTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        var cells = new string?[table.Columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = table.Columns[i];
        }

        writer.Write(CsvText.Line(cells));
        writer.Write("\r\n");
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = i < row.Count ? FormatCsv(row[i]) : null;
            }

            // CsvText.Cell neutralises formula-like text through the same rule as Neutralize.
            writer.Write(CsvText.Line(cells));
            writer.Write("\r\n");
        }
    }

    /// <summary>Writes the table as an .xlsx workbook with one worksheet; text is stored inline, numbers as numbers.</summary>
    /// <param name="table">The table.</param>
    /// <param name="stream">A writable, seekable stream.</param>
    public static void WriteXlsx(ExportTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(XlsxRow(1, table.Columns));
        var number = 2u;
        foreach (var row in table.Rows)
        {
            data.Append(XlsxRow(number++, row));
        }

        sheetPart.Worksheet = new Worksheet(data);
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.Sheet) });
        workbookPart.Workbook.Save();
    }

    private static string? FormatCsv(object? value) => value switch
    {
        null => null,
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static Row XlsxRow(uint number, IEnumerable<object?> values)
    {
        var row = new Row { RowIndex = number };
        var column = 0;
        foreach (var value in values)
        {
            var reference = ColumnName(column++) + number.ToString(CultureInfo.InvariantCulture);
            row.Append(value switch
            {
                double d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d) },
                int n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) },
                _ => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new CellText(Neutralize(Convert.ToString(value, CultureInfo.InvariantCulture))) { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }

        return row;
    }

    /// <summary>Returns the spreadsheet column name of a 0-based index: A, B, …, Z, AA, AB, ….</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    // Excel limits sheet names to 31 characters and forbids : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var chars = name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).Take(31).ToArray();
        return chars.Length == 0 ? "Results" : new string(chars);
    }
}
