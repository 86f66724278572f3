using Chokepoint.Core;

namespace Chokepoint.Cases;

/// <summary>A party row read from a register CSV, before it is stored.</summary>
/// <param name="Line">The 1-based line it was read from.</param>
/// <param name="ExternalId">The caller's id.</param>
/// <param name="Name">The name.</param>
/// <param name="Schema">The kind of party.</param>
/// <param name="Country">The country, if given.</param>
/// <param name="BirthDate">The birth date text, if given.</param>
public sealed record RegisterRow(int Line, string ExternalId, string Name, EntitySchema Schema, string? Country, string? BirthDate);

/// <summary>What a register import read: the good rows and a diagnostic for each bad one.</summary>
/// <param name="Rows">Rows that can be stored.</param>
/// <param name="Diagnostics">Problems, each naming the file, line and field.</param>
public sealed record RegisterImportResult(IReadOnlyList<RegisterRow> Rows, IReadOnlyList<ListDiagnostic> Diagnostics);

/// <summary>Reads a monitoring register from CSV with a header: <c>id,name[,schema][,country][,birth_date]</c>.</summary>
/// <remarks>Never throws for bad input: bad rows become diagnostics. Stateless and thread-safe.</remarks>
public static class MonitoringRegisterCsv
{
    /// <summary>Parses the CSV.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name used in diagnostics.</param>
    public static RegisterImportResult Parse(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<RegisterRow>();
        var diagnostics = new List<ListDiagnostic>();
        int[]? columns = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, cells) in CsvText.Read(reader))
        {
            if (cells.Count == 1 && string.IsNullOrWhiteSpace(cells[0]))
            {
                continue;
            }

            if (columns is null)
            {
                columns = ReadHeader(cells);
                if (columns[0] < 0 || columns[1] < 0)
                {
                    diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, fileName, line, columns[0] < 0 ? "id" : "name", "The header must name the columns 'id' and 'name'."));
                    return new RegisterImportResult([], diagnostics);
                }

                continue;
            }

            var id = Get(cells, columns[0]);
            var name = Get(cells, columns[1]);
            var schemaText = Get(cells, columns[2]);
            var birth = Get(cells, columns[4]);
            if (string.IsNullOrWhiteSpace(id))
            {
                diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, fileName, line, "id", "The id is empty."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, fileName, line, "name", "The name is empty."));
                continue;
            }

            var schema = EntitySchema.Unknown;
            if (!string.IsNullOrWhiteSpace(schemaText) && !Enum.TryParse(schemaText.Trim(), ignoreCase: true, out schema))
            {
                diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, fileName, line, "schema", $"'{schemaText}' is not person, organization, vessel or aircraft."));
                continue;
            }

            if (!string.IsNullOrWhiteSpace(birth) && !Core.BirthDate.TryParse(birth, out _))
            {
                diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, fileName, line, "birth_date", $"'{birth}' is not YYYY, YYYY-MM or YYYY-MM-DD."));
                continue;
            }

            if (!seen.Add(id.Trim()))
            {
                diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, fileName, line, "id", $"The id '{id.Trim()}' appears twice in the file."));
                continue;
            }

            var country = Get(cells, columns[3]);
            rows.Add(new RegisterRow(line, id.Trim(), name.Trim(), schema, string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant(), string.IsNullOrWhiteSpace(birth) ? null : birth.Trim()));
        }

        if (columns is null)
        {
            diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, fileName, 0, null, "The file is empty; expected a header 'id,name,schema,country,birth_date'."));
        }

        return new RegisterImportResult(rows, diagnostics);
    }

    private static int[] ReadHeader(IReadOnlyList<string> cells)
    {
        string[] names = ["id", "name", "schema", "country", "birth_date"];
        var columns = new int[names.Length];
        for (var n = 0; n < names.Length; n++)
        {
            columns[n] = -1;
            for (var i = 0; i < cells.Count; i++)
            {
                if (string.Equals(cells[i].Trim(), names[n], StringComparison.OrdinalIgnoreCase))
                {
                    columns[n] = i;
                }
            }
        }

        return columns;
    }

    private static string? Get(IReadOnlyList<string> cells, int column) => column >= 0 && column < cells.Count ? cells[column] : null;
}
