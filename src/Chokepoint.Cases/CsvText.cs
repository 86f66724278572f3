using System.Text;

namespace Chokepoint.Cases;

/// <summary>Reads and writes RFC 4180 CSV cells, neutralising cells a spreadsheet would run as formulas.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class CsvText
{
    /// <summary>Returns the text with a leading apostrophe when it begins with <c>= + - @</c>, tab or CR; empty for null.</summary>
    /// <remarks>Spreadsheets run such cells as formulas (CSV injection); the apostrophe makes them text. Every export
    /// (CSV and .xlsx) goes through this one rule.</remarks>
    public static string NeutralizeFormula(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    /// <summary>Returns the cell quoted where needed, neutralised by <see cref="NeutralizeFormula"/>.</summary>
    public static string Cell(string? value)
    {
        value = NeutralizeFormula(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Joins cells into one CSV line (no line break).</summary>
    public static string Line(params ReadOnlySpan<string?> cells)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(Cell(cells[i]));
        }

        return sb.ToString();
    }

    /// <summary>Splits CSV text into records of cells, keeping the 1-based line each record starts on.</summary>
    /// <remarks>Quoted cells may span lines. An unterminated quote ends the text; the caller sees a short record.</remarks>
    public static IEnumerable<(int Line, IReadOnlyList<string> Cells)> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = 1;
        var start = 1;
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var any = false;
        int ch;
        while ((ch = reader.Read()) >= 0)
        {
            var c = (char)ch;
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    yield return (start, cells);
                    cells = [];
                    any = false;
                    line++;
                    start = line;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }

        if (any)
        {
            cells.Add(cell.ToString());
            yield return (start, cells);
        }
    }
}
