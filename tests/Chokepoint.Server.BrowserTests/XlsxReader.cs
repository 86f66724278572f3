using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Chokepoint.Server.BrowserTests;

/// <summary>One cell as a spreadsheet program would see it.</summary>
internal sealed record XlsxCell(string Text, bool IsNumber, bool IsFormula);

/// <summary>Reads the first worksheet of an .xlsx file, to check what a download really contains.</summary>
internal static class XlsxReader
{
    public static IReadOnlyList<IReadOnlyList<XlsxCell>> Read(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var rows = new List<IReadOnlyList<XlsxCell>>();
        foreach (var row in part.Worksheet!.Descendants<Row>())
        {
            var cells = new List<XlsxCell>();
            foreach (var cell in row.Elements<Cell>())
            {
                var type = cell.DataType?.Value;
                var text = type == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                    : type == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : cell.CellValue?.Text ?? "";
                cells.Add(new XlsxCell(text, type is null || type == CellValues.Number, cell.CellFormula is not null));
            }

            rows.Add(cells);
        }

        return rows;
    }
}
