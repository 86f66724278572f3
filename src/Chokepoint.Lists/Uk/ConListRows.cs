using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Chokepoint.Lists.Uk;

/// <summary>One spreadsheet or CSV row: its 1-based row (line) number and its cells.</summary>
internal readonly record struct ConListRow(int Number, IReadOnlyList<string> Cells);

/// <summary>Reads the rows of a ConList file, xlsx or CSV, as text cells.</summary>
internal static class ConListRows
{
    /// <summary>Streams the first worksheet of an xlsx workbook with the SAX-style <see cref="OpenXmlReader"/>.</summary>
    /// <remarks>Shared strings are loaded once; cells are placed by their reference, so a skipped empty cell stays empty.</remarks>
    public static IEnumerable<ConListRow> FromWorkbook(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no workbook part");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("the workbook has no sheet");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id?.Value ?? throw new InvalidDataException("the first sheet has no part id"));
        var strings = LoadSharedStrings(workbook.SharedStringTablePart);
        using var reader = OpenXmlReader.Create(part);
        var cells = new List<string>();
        var fallbackNumber = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            fallbackNumber++;
            var number = row.RowIndex?.Value is { } index ? (int)index : fallbackNumber;
            cells.Clear();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                var value = CellText(cell, strings);
                if (column < cells.Count)
                {
                    cells[column] = value;
                }
                else
                {
                    cells.Add(value);
                }
            }

            yield return new ConListRow(number, [.. cells]);
        }
    }

    /// <summary>Splits CSV text into rows; an unterminated quote ends the rows with an error in the log.</summary>
    public static IEnumerable<ConListRow> FromCsv(string text, ReadLog log)
    {
        foreach (var (line, fields) in DelimitedRows.Read(text, ',', log))
        {
            yield return new ConListRow(line, [.. fields]);
        }
    }

    private static string[] LoadSharedStrings(SharedStringTablePart? part)
    {
        if (part is null)
        {
            return [];
        }

        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(reader.LoadCurrentElement()!.InnerText);
            }
        }

        return [.. strings];
    }

    private static string CellText(Cell cell, string[] strings)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        var raw = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, out var i) && i >= 0 && i < strings.Length ? strings[i] : string.Empty;
        }

        return raw;
    }

    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
        }

        return column - 1;
    }
}
