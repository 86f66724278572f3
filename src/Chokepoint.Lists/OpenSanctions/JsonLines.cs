using System.Text.Json;

namespace Chokepoint.Lists.OpenSanctions;

/// <summary>Reads a JSON-lines file one object per line, reporting a malformed line as an error with its number.</summary>
internal static class JsonLines
{
    /// <summary>Calls <paramref name="record"/> for each non-blank line; stops at the first malformed line.</summary>
    public static void Read(string path, ReadLog log, Action<JsonElement, int> record, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                log.Error(line, null, $"malformed JSON (position {e.BytePositionInLine}): {e.Message}");
                return;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    log.Error(line, null, $"expected a JSON object but found {document.RootElement.ValueKind}");
                    return;
                }

                record(document.RootElement, line);
            }
        }

        if (line == 0)
        {
            log.Error(0, null, "the file is empty");
        }
    }

    /// <summary>Returns a string property, or null when it is absent, not a string or blank.</summary>
    public static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? FieldText.Clean(value.GetString()) : null;

    /// <summary>Returns the objects of an array property (none when absent).</summary>
    public static IEnumerable<JsonElement> Objects(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                yield return item;
            }
        }
    }

    /// <summary>Returns the non-blank strings of an array property (none when absent).</summary>
    public static List<string> Strings(JsonElement element, string name)
    {
        var values = new List<string>();
        if (element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    FieldText.AddDistinct(values, item.GetString());
                }
            }
        }

        return values;
    }
}
