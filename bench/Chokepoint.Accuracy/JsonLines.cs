using System.Text.Json;

namespace Chokepoint.Accuracy;

/// <summary>Reads JSON Lines files: one object a line, blank lines skipped.</summary>
internal static class JsonLines
{
    /// <summary>Yields each line's root element with its 1-based line number; an element is valid until the next one is read.</summary>
    /// <exception cref="InvalidDataException">A line is not JSON (the message names the file and line).</exception>
    public static IEnumerable<(JsonElement Root, int Line)> Read(string path)
    {
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = Parse(line, path, lineNo);
            yield return (doc.RootElement, lineNo);
        }
    }

    private static JsonDocument Parse(string line, string path, int lineNo)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}:{lineNo}: not a JSON object: {ex.Message}", ex);
        }
    }
}
